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
  /** What a press on the diagram does: place a new site, or select and move markers. */
  mode?: 'place' | 'select';
  onMode?: (mode: 'place' | 'select') => void;
  /** Sites selected, for "Mirror to the other side". */
  selectedCount?: number;
  onMirror?: () => void;
  /** Opens the injection patterns of the session's indications (absent: none for them). */
  onPatterns?: (() => void) | undefined;
  /** What undo and redo would do, in words. */
  undoTitle?: string | undefined;
  redoTitle?: string | undefined;
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
        {props.onMode && !readOnly && (
          <span className="segmented" role="radiogroup" aria-label="What a press on the diagram does">
            <button type="button" role="radio" aria-checked={props.mode === 'place'} className={props.mode === 'place' ? 'active' : ''} onClick={() => props.onMode?.('place')} title="Every press places a new site (P)" data-testid="mode-place">
              Place
            </button>
            <button type="button" role="radio" aria-checked={props.mode === 'select'} className={props.mode === 'select' ? 'active' : ''} onClick={() => props.onMode?.('select')} title="Press a marker to select it, drag it to move it (S)" data-testid="mode-select">
              Select / move
            </button>
          </span>
        )}
        {props.onMirror && !readOnly && (
          <button type="button" onClick={props.onMirror} disabled={!props.selectedCount} title="Mirror the selected sites to the patient's other side (M)" data-testid="mirror">
            Mirror{props.selectedCount ? ` ${props.selectedCount}` : ''} to other side
          </button>
        )}
        {props.onPatterns && !readOnly && (
          <button type="button" onClick={props.onPatterns} data-testid="open-patterns">
            Patterns…
          </button>
        )}
        <label className="toggle big-toggle">
          <input type="checkbox" checked={props.showDeep} onChange={(e) => props.onShowDeep(e.target.checked)} data-testid="show-deep" /> Deep muscles
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
        <button type="button" onClick={props.onUndo} disabled={!props.canUndo || readOnly} title={props.undoTitle ? `Undo ${props.undoTitle} (Ctrl+Z)` : 'Undo (Ctrl+Z)'}>
          Undo
        </button>
        <button type="button" onClick={props.onRedo} disabled={!props.canRedo || readOnly} title={props.redoTitle ? `Redo ${props.redoTitle} (Ctrl+Y)` : 'Redo (Ctrl+Y)'}>
          Redo
        </button>
      </div>
    </div>
  );
}
