// Where the main window opens: the size, position and maximised state it had when it was last closed,
// as long as that place is still on a screen (a laptop undocked from its second monitor must not
// open the app off-screen). Pure: tested in tests/unit/window-bounds.test.ts.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

/** A display as Electron's screen module reports it; only the work area (without task bars) matters. */
export interface DisplayArea {
  workArea: Rect;
}

/** A window this much of whose top strip is on a display can be grabbed by its title bar and moved. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 32;

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

function isRect(r: Rect): boolean {
  return [r.x, r.y, r.width, r.height].every(Number.isFinite) && r.width > 0 && r.height > 0;
}

/**
 * True when the window's title bar is reachable: its top strip overlaps one display's work area by at
 * least GRAB_WIDTH × GRAB_HEIGHT pixels (or the whole strip of a smaller window). A window spread over
 * two displays counts when either shows enough of its top.
 */
export function isVisibleOnDisplays(rect: Rect, displays: readonly DisplayArea[]): boolean {
  if (!isRect(rect)) return false;
  const strip: Rect = { x: rect.x, y: rect.y, width: rect.width, height: Math.min(GRAB_HEIGHT, rect.height) };
  const needWidth = Math.min(GRAB_WIDTH, rect.width);
  return displays.some((d) => {
    const overlap = intersection(strip, d.workArea);
    return overlap !== null && overlap.width >= needWidth && overlap.height >= strip.height;
  });
}

/**
 * The bounds to open with: the saved ones when visible (shrunk to fit the display they are on), else
 * the default size centred on the primary display. The maximised and full-screen flags are kept either
 * way: the window is restored to those bounds when it leaves either state.
 */
export function restoreWindowState(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
  defaults: { width: number; height: number; minWidth: number; minHeight: number },
): WindowState {
  const centred = (): Rect => {
    const area = primary.workArea;
    const width = Math.max(Math.min(defaults.width, area.width), Math.min(defaults.minWidth, area.width));
    const height = Math.max(Math.min(defaults.height, area.height), Math.min(defaults.minHeight, area.height));
    return {
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + (area.height - height) / 2),
      width,
      height,
    };
  };
  if (!saved || !isVisibleOnDisplays(saved.bounds, displays)) {
    return { bounds: centred(), maximized: saved?.maximized ?? false, fullScreen: false };
  }
  const host = displays.find((d) => intersection(saved.bounds, d.workArea) !== null) ?? primary;
  const area = host.workArea;
  const width = Math.min(Math.max(saved.bounds.width, defaults.minWidth), area.width);
  const height = Math.min(Math.max(saved.bounds.height, defaults.minHeight), area.height);
  // A window shrunk to fit starts at the display's edge; otherwise it stays where it was (its title bar
  // is on screen, checked above), kept from sliding above the top of the display.
  const x = width < saved.bounds.width ? area.x : saved.bounds.x;
  const y = height < saved.bounds.height ? area.y : Math.max(saved.bounds.y, area.y);
  return { bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }, maximized: saved.maximized, fullScreen: saved.fullScreen };
}
