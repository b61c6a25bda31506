import type { AtlasView } from '../../shared/atlas/types.ts';

export interface SideLabel {
  /** 'R' or 'L'. */
  letter: string;
  /** Spelled out, e.g. "patient's right". */
  text: string;
  /** Which edge of the drawing the label sits at (the viewer's left or right). */
  edge: 'left' | 'right';
}

/**
 * Which of the viewer's edges shows the patient's left and right, read from the drawing itself (where its left and
 * right regions lie), so anterior views (patient's right on the viewer's left) and posterior views (the other way)
 * are labelled correctly without a list to keep up to date. A view of one side says which side it is.
 */
export function sideLabels(view: AtlasView): SideLabel[] {
  if (view.side !== null) {
    const text = view.side === 'left' ? "patient's left side" : "patient's right side";
    return [{ letter: view.side === 'left' ? 'L' : 'R', text, edge: 'left' }];
  }
  const meanX = (side: 'left' | 'right'): number | null => {
    const xs = view.regions.filter((r) => r.side === side).map((r) => r.label.x);
    return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const left = meanX('left');
  const right = meanX('right');
  if (left === null || right === null) return [];
  const leftOnViewerLeft = left < right;
  return [
    { letter: leftOnViewerLeft ? 'L' : 'R', text: leftOnViewerLeft ? "patient's left" : "patient's right", edge: 'left' },
    { letter: leftOnViewerLeft ? 'R' : 'L', text: leftOnViewerLeft ? "patient's right" : "patient's left", edge: 'right' },
  ];
}
