import { isVisibleOnDisplays, restoreWindowState, type DisplayArea } from '../../electron/shell/window-bounds.ts';

const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1440, height: 870 } };
// A second monitor to the right of the laptop, a little higher.
const monitor: DisplayArea = { workArea: { x: 1440, y: -200, width: 2560, height: 1400 } };
const defaults = { width: 1400, height: 900, minWidth: 1024, minHeight: 700 };

describe('is a window visible on these displays', () => {
  it('yes when it lies on a display, or spreads over two with its title bar on either', () => {
    expect(isVisibleOnDisplays({ x: 20, y: 20, width: 1200, height: 800 }, [laptop])).toBe(true);
    expect(isVisibleOnDisplays({ x: 1000, y: 0, width: 1400, height: 800 }, [laptop, monitor])).toBe(true);
    expect(isVisibleOnDisplays({ x: 2000, y: -100, width: 1400, height: 900 }, [laptop, monitor])).toBe(true);
  });

  it('no when it was on a monitor that is no longer connected', () => {
    expect(isVisibleOnDisplays({ x: 2000, y: -100, width: 1400, height: 900 }, [laptop])).toBe(false);
  });

  it('no when only a sliver shows, or only its bottom (the title bar is out of reach)', () => {
    expect(isVisibleOnDisplays({ x: 1400, y: 100, width: 1200, height: 800 }, [laptop])).toBe(false); // 40 px wide
    expect(isVisibleOnDisplays({ x: 100, y: -780, width: 1200, height: 800 }, [laptop])).toBe(false); // top above the screen
    expect(isVisibleOnDisplays({ x: 100, y: 860, width: 1200, height: 800 }, [laptop])).toBe(false); // 10 px of title bar
  });

  it('no for a rectangle that is not one', () => {
    expect(isVisibleOnDisplays({ x: 0, y: 0, width: 0, height: 800 }, [laptop])).toBe(false);
    expect(isVisibleOnDisplays({ x: Number.NaN, y: 0, width: 100, height: 100 }, [laptop])).toBe(false);
    expect(isVisibleOnDisplays({ x: 0, y: 0, width: 100, height: 100 }, [])).toBe(false);
  });
});

describe('where the window opens', () => {
  it('where it was, maximised if it was', () => {
    const saved = { bounds: { x: 1600, y: -150, width: 1500, height: 1000 }, maximized: true, fullScreen: false };
    expect(restoreWindowState(saved, [laptop, monitor], laptop, defaults)).toEqual(saved);
  });

  it('centred on the primary display at the default size when its place is gone, keeping the maximised state', () => {
    const saved = { bounds: { x: 2000, y: -100, width: 1400, height: 900 }, maximized: true, fullScreen: true };
    expect(restoreWindowState(saved, [laptop], laptop, defaults)).toEqual({
      bounds: { x: 20, y: 0, width: 1400, height: 870 },
      maximized: true,
      fullScreen: false,
    });
    expect(restoreWindowState(null, [laptop], laptop, defaults).bounds).toEqual({ x: 20, y: 0, width: 1400, height: 870 });
  });

  it('shrunk to the display it is on when that display is now smaller, never below the minimum the screen allows', () => {
    const saved = { bounds: { x: 10, y: 10, width: 2400, height: 1300 }, maximized: false, fullScreen: false };
    const r = restoreWindowState(saved, [laptop], laptop, defaults);
    expect(r.bounds).toEqual({ x: 0, y: 0, width: 1440, height: 870 });
    expect(isVisibleOnDisplays(r.bounds, [laptop])).toBe(true);
  });
});

describe('the window state file', () => {
  it('keeps what was written, and reads a damaged or foreign file as nothing', async () => {
    const { readWindowState, writeWindowState } = await import('../../electron/shell/window-state-file.ts');
    const { tempDir, removeDir } = await import('../helpers/temp.ts');
    const fs = await import('node:fs');
    const dir = tempDir();
    try {
      const file = `${dir}/window-state.json`;
      expect(readWindowState(file)).toBeNull();
      const state = { bounds: { x: -1200, y: 40, width: 1300, height: 820 }, maximized: false, fullScreen: false };
      writeWindowState(file, state);
      expect(readWindowState(file)).toEqual(state);
      fs.writeFileSync(file, '{"bounds": {"x": 1');
      expect(readWindowState(file)).toBeNull();
      fs.writeFileSync(file, JSON.stringify({ ...state, bounds: { ...state.bounds, width: -5 } }));
      expect(readWindowState(file)).toBeNull();
    } finally {
      removeDir(dir);
    }
  });
});
