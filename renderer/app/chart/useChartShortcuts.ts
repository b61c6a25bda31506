import { useEffect } from 'react';

export interface ChartShortcutActions {
  /**
   * A signed session: undo, redo and delete do nothing at all. The record is frozen, and a change
   * the database would refuse is never attempted (nor the error it would bring).
   */
  readOnly: boolean;
  undo: () => void;
  redo: () => void;
  /** Delete or Backspace: removes the selected sites, if any. */
  deleteSelected: () => void;
  /** Escape: drops the site being placed, then the selection (a drag in progress is put back by the canvas). */
  escape: () => void;
  /** + / − / 0: zoom in, out, back to the whole diagram. */
  zoom?: (direction: 1 | -1 | 0) => void;
  /** P: every press places; S: select and move. */
  setMode?: (mode: 'place' | 'select') => void;
  /** M: mirror the selected sites to the other side. */
  mirror?: () => void;
  /** Ctrl+A: select every site of the diagram on screen. */
  selectAll?: () => void;
}

/**
 * The chart's keyboard: Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo (Cmd on macOS), Delete or Backspace
 * removes the selection, Escape lets go, + and − zoom, 0 fits, P and S choose the tool, M mirrors.
 * Keys typed in a field belong to the field, except Escape.
 */
export function useChartShortcuts(actions: ChartShortcutActions) {
  // Subscribed again on every render, so the handler always sees the current selection and sites.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented) return;
      if (e.key === 'Escape') {
        actions.escape();
        return;
      }
      const t = e.target;
      const inField = t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
      // A dialog over the chart (patterns, signing) owns the keyboard.
      const inDialog = t instanceof Element && t.closest('dialog') !== null;
      if (inField || inDialog) return;
      const mod = e.ctrlKey || e.metaKey;
      if (!mod && !e.altKey) {
        if (e.key === '+' || e.key === '=') actions.zoom?.(1);
        else if (e.key === '-' || e.key === '_') actions.zoom?.(-1);
        else if (e.key === '0') actions.zoom?.(0);
      }
      if (actions.readOnly) return;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) actions.redo();
        else actions.undo();
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        actions.redo();
      } else if (mod && e.key.toLowerCase() === 'a' && actions.selectAll) {
        e.preventDefault();
        actions.selectAll();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        actions.deleteSelected();
      } else if (!mod && !e.altKey && e.key.toLowerCase() === 'p') actions.setMode?.('place');
      else if (!mod && !e.altKey && e.key.toLowerCase() === 's') actions.setMode?.('select');
      else if (!mod && !e.altKey && e.key.toLowerCase() === 'm') actions.mirror?.();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
