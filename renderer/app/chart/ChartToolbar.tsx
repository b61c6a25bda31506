import type { Dispatch, SetStateAction } from 'react';
import { getView } from '../../../shared/atlas/index.ts';
import { clampZoom } from '../../canvas/viewport.ts';

export interface ChartToolbarProps {
  /** The diagrams of this session, one tab each. */
  views: readonly string[];
  viewId: string;
  onView: (viewId: string) => void;
  showDeep: boolean;
  onShowDeep: (show: boolean) => void;
  zoom: number;
  onZoom: Dispatch<SetStateAction<number>>;
  /** Back to 100 % and the diagram centred. */
  onFit: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  readOnly: boolean;
  /** The previous session's map drawn faded under this one (absent: no earlier map to show). */
  overlay?: { on: boolean; label: string; onToggle: (on: boolean) => void } | undefined;
}

/** Above the diagram: which diagram, the deep layer, zoom, undo and redo. */
export function ChartToolbar(props: ChartToolbarProps) {
  const { views, viewId, zoom, onZoom, readOnly } = props;
  return (
    <div className="chart-toolbar" role="toolbar" aria-label="Diagram">
      <div className="tabs" role="tablist">
        {views.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={id === viewId}
            className={id === viewId ? 'tab active' : 'tab'}
            onClick={() => props.onView(id)}
          >
            {getView(id).title}
          </button>
        ))}
      </div>
      <div className="toolgroup">
        <label className="toggle">
          <input type="checkbox" checked={props.showDeep} onChange={(e) => props.onShowDeep(e.target.checked)} /> Deep muscles
        </label>
        {props.overlay && (
          <label className="toggle" title="Draw the previous session's sites faded under this map">
            <input type="checkbox" checked={props.overlay.on} onChange={(e) => props.overlay?.onToggle(e.target.checked)} data-testid="overlay-previous" />{' '}
            {props.overlay.label}
          </label>
        )}
        <button type="button" aria-label="Zoom out" onClick={() => onZoom((z) => clampZoom(z / 1.25))}>
          −
        </button>
        <span className="zoom" data-testid="zoom">
          {Math.round(zoom * 100)}%
        </span>
        <button type="button" aria-label="Zoom in" onClick={() => onZoom((z) => clampZoom(z * 1.25))}>
          +
        </button>
        <button type="button" onClick={props.onFit}>
          Fit
        </button>
        <button type="button" onClick={props.onUndo} disabled={!props.canUndo || readOnly}>
          Undo
        </button>
        <button type="button" onClick={props.onRedo} disabled={!props.canRedo || readOnly}>
          Redo
        </button>
      </div>
    </div>
  );
}
