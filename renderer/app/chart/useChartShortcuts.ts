import { useEffect } from 'react';

export interface ChartShortcutActions {
  /**
   * A signed session: undo, redo and delete do nothing at all. The record is frozen, and a change
   * the database would refuse is never attempted (nor the error it would bring).
   */
  readOnly: boolean;
  undo: () => void;
  redo: () => void;
  /** Delete or Backspace: removes the selected site, if any. */
  deleteSelected: () => void;
  /** Escape: drops the site being placed and the selection. */
  escape: () => void;
}

/**
 * The chart's keyboard: Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo (Cmd on macOS), Delete or Backspace
 * removes the selected site, Escape lets go. Keys typed in a field belong to the field, except Escape.
 */
export function useChartShortcuts(actions: ChartShortcutActions) {
  // Subscribed again on every render, so the handler always sees the current selection and sites.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape') {
        actions.escape();
        return;
      }
      const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
      if (inField || actions.readOnly) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) actions.redo();
        else actions.undo();
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        actions.redo();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        actions.deleteSelected();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
