import { useCallback, useRef, useState } from 'react';
import type { Site } from '../../shared/domain/types.ts';
import type { Client } from '../api.ts';
import { afterRedo, afterUndo, applyPatch, EMPTY_HISTORY, invert, record, type History, type Patch } from './history.ts';

/**
 * The session document (its sites) and its undo history. Every change is a patch that is first
 * persisted through the API (one transaction in main) and only then applied: what the clinician
 * sees is what the database holds.
 */
export function useChartEditor(client: Client, initialSites: readonly Site[], onError: (err: unknown) => void) {
  const [sites, setSites] = useState<Site[]>([...initialSites]);
  const [history, setHistory] = useState<History>(EMPTY_HISTORY);
  const busy = useRef(false);

  const persist = useCallback(
    async (patch: Patch): Promise<Patch> => {
      switch (patch.kind) {
        case 'add': {
          const s = patch.site;
          const saved = await client.site.add({
            id: s.id,
            sessionId: s.sessionId,
            ...(s.seq > 0 ? { seq: s.seq } : {}),
            viewId: s.viewId,
            viewVersion: s.viewVersion,
            x: s.x,
            y: s.y,
            muscleId: s.muscleId,
            side: s.side,
            units: s.units,
          });
          return { kind: 'add', site: saved };
        }
        case 'remove':
          await client.site.delete({ id: patch.site.id });
          return patch;
        case 'update': {
          const a = patch.after;
          const saved = await client.site.update({ id: a.id, x: a.x, y: a.y, muscleId: a.muscleId, side: a.side, units: a.units });
          return { kind: 'update', before: patch.before, after: saved };
        }
      }
    },
    [client],
  );

  /** Runs one persisted change at a time, so two quick clicks cannot interleave their writes. */
  const run = useCallback(
    async (patch: Patch, nextHistory: (saved: Patch, h: History) => History): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      try {
        const saved = await persist(patch);
        setSites((current) => applyPatch(current, saved));
        setHistory((h) => nextHistory(saved, h));
        return true;
      } catch (err) {
        onError(err);
        return false;
      } finally {
        busy.current = false;
      }
    },
    [persist, onError],
  );

  const apply = useCallback((patch: Patch) => run(patch, (saved, h) => record(h, saved)), [run]);

  const undo = useCallback(() => {
    const last = history.done.at(-1);
    if (!last) return Promise.resolve(false);
    return run(invert(last), (_saved, h) => afterUndo(h));
  }, [history, run]);

  const redo = useCallback(() => {
    const next = history.undone.at(-1);
    if (!next) return Promise.resolve(false);
    return run(next, (_saved, h) => afterRedo(h));
  }, [history, run]);

  return {
    sites,
    apply,
    undo,
    redo,
    canUndo: history.done.length > 0,
    canRedo: history.undone.length > 0,
  };
}
