import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { commands, page } from 'vitest/browser';
import { Layer, Stage } from 'react-konva';
import { getView, listViews, type AtlasView } from '../../shared/atlas/index.ts';
import { AtlasShapes, type AtlasMode } from '../../renderer/canvas/AtlasShapes.tsx';

const WIDTH = 720;

function Harness({ view, mode }: { view: AtlasView; mode: AtlasMode }) {
  const scale = WIDTH / view.width;
  return (
    <div data-testid="atlas-harness" style={{ display: 'inline-block', background: '#fff' }}>
      <Stage width={WIDTH} height={Math.ceil(view.height * scale)} scaleX={scale} scaleY={scale}>
        <Layer>
          <AtlasShapes view={view} showDeep mode={mode} showLabels={mode === 'regions'} />
        </Layer>
      </Stage>
    </div>
  );
}

function pixelAt(canvas: HTMLCanvasElement, x: number, y: number): [number, number, number, number] {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const ratio = canvas.width / WIDTH;
  const d = ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
  return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0, d[3] ?? 0];
}

describe('atlas rendering', () => {
  beforeAll(async () => {
    await page.viewport(900, 1400);
  });

  for (const { id } of listViews()) {
    for (const mode of ['clinical', 'regions'] as const) {
      it(`draws ${id} in ${mode} mode`, async () => {
        const view = getView(id);
        const screen = await render(<Harness view={view} mode={mode} />);
        const canvas = screen.container.querySelector('canvas');
        if (!canvas) throw new Error('no canvas rendered');
        const scale = WIDTH / view.width;
        // Inside every superficial region the canvas is painted (not the transparent background).
        for (const r of view.regions.filter((x) => x.layer === 'superficial')) {
          const [, , , a] = pixelAt(canvas, r.label.x * scale, r.label.y * scale);
          expect(a, `${id} ${r.id}`).toBeGreaterThan(0);
        }
        // The canvas's own pixels on white, at full size (a page screenshot would be shrunk to fit the runner's frame).
        const out = document.createElement('canvas');
        out.width = canvas.width;
        out.height = canvas.height;
        const ctx = out.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, out.width, out.height);
        ctx.drawImage(canvas, 0, 0);
        const png = out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
        await commands.writeFile(`test-results/atlas/${id}.${mode}.png`, png, 'base64');
      });
    }
  }
});
