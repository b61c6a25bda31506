import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page } from 'vitest/browser';
import '../../renderer/app/styles.css';
import { AtlasGallery } from '../../renderer/app/atlas/AtlasGallery.tsx';

describe('atlas gallery', () => {
  beforeAll(async () => {
    await page.viewport(1400, 1200);
  });

  it('puts each checkbox before its text, both toggles on one line, under the app styles', async () => {
    const screen = await render(<AtlasGallery />);
    const labels = [...screen.container.querySelectorAll('label.atlas-toggle')];
    expect(labels.map((l) => l.textContent)).toEqual(['Deep layer', 'Colour and label regions']);
    const tops: number[] = [];
    for (const label of labels) {
      const box = label.querySelector('input')?.getBoundingClientRect();
      const text = label.querySelector('span')?.getBoundingClientRect();
      if (!box || !text) throw new Error('toggle without checkbox or text');
      expect(Math.abs(box.top + box.height / 2 - (text.top + text.height / 2))).toBeLessThan(4);
      expect(box.right).toBeLessThanOrEqual(text.left);
      tops.push(label.getBoundingClientRect().top);
    }
    expect(Math.abs((tops[0] ?? 0) - (tops[1] ?? 0))).toBeLessThan(2);
    await page.screenshot({ path: '../../test-results/atlas/gallery.png' });
  });

  it('draws the diagram about 640 px wide', async () => {
    const screen = await render(<AtlasGallery />);
    const canvas = screen.container.querySelector('[data-testid="atlas-stage"] canvas');
    if (!canvas) throw new Error('no canvas');
    const { width, height } = canvas.getBoundingClientRect();
    expect(width > 600 || height > 900).toBe(true);
    expect(width).toBeLessThanOrEqual(641);
  });
});
