import { useCallback, useRef, useState } from 'react';
import type { SessionPattern, Site } from '../../shared/domain/types.ts';
import type { SiteBatchInput } from '../../shared/ipc/contract.ts';
import type { Client } from '../api.ts';
import {
  afterRedo, afterUndo, applyPatch, applyPatterns, EMPTY_HISTORY, invert, rebase, record, type BatchPatch, type History, type Patch, type SitePatch,
} from './history.ts';

/** The input of site:batch for a batch patch: removals, updates, additions and the patterns with them. */
export function batchInput(sessionId: string, patch: BatchPatch): SiteBatchInput {
  const remove = patch.patches.filter((p) => p.kind === 'remove').map((p) => p.site.id);
  const update = patch.patches.flatMap((p) => {
    if (p.kind !== 'update') return [];
    const a = p.after;
    return [{ id: a.id, x: a.x, y: a.y, muscleId: a.muscleId, side: a.side, units: a.units, guidance: a.guidance, note: a.note }];
  });
  const add = patch.patches.flatMap((p) => {
    if (p.kind !== 'add') return [];
    const s = p.site;
    return [{
      id: s.id, ...(s.seq > 0 ? { seq: s.seq } : {}), viewId: s.viewId, viewVersion: s.viewVersion, x: s.x, y: s.y, muscleId: s.muscleId,
      side: s.side, units: s.units, guidance: s.guidance, note: s.note, ...(s.copiedFrom ? { copiedFrom: s.copiedFrom } : {}),
    }];
  });
  const addPatterns = patch.addPatterns.map((p) => ({ id: p.id, patternId: p.patternId, direction: p.direction, accepted: p.accepted }));
  const removePatterns = patch.removePatterns.map((p) => p.id);
  return {
    sessionId,
    ...(remove.length > 0 ? { remove } : {}),
    ...(update.length > 0 ? { update } : {}),
    ...(add.length > 0 ? { add } : {}),
    ...(addPatterns.length > 0 ? { addPatterns } : {}),
    ...(removePatterns.length > 0 ? { removePatterns } : {}),
  };
}

/**
 * The session document (its sites and the patterns applied) and its undo history. Every change is a patch that
 * is first persisted through the API (one transaction in main) and only then applied: what the clinician sees is
 * what the database holds. A batch (pattern, mirror, template, copy-forward accept) is one transaction and one
 * undo step.
 */
export function useChartEditor(
  client: Client,
  initialSites: readonly Site[],
  onError: (err: unknown) => void,
  initialPatterns: readonly SessionPattern[] = [],
  sessionId: string | null = initialSites[0]?.sessionId ?? null,
) {
  const [sites, setSites] = useState<Site[]>([...initialSites]);
  const [patterns, setPatterns] = useState<SessionPattern[]>([...initialPatterns]);
  const [history, setHistory] = useState<History>(EMPTY_HISTORY);
  // The truth between renders: changes run one after another against the latest state, never dropped.
  const sitesRef = useRef<Site[]>([...initialSites]);
  const patternsRef = useRef<SessionPattern[]>([...initialPatterns]);
  const historyRef = useRef<History>(EMPTY_HISTORY);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Adds queued or in flight, by site id: the same site is never sent twice.
  const addsInFlight = useRef(new Map<string, Promise<boolean>>());

  const persistSite = useCallback(
    async (patch: SitePatch): Promise<SitePatch> => {
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
            guidance: s.guidance,
            note: s.note,
            ...(s.copiedFrom ? { copiedFrom: s.copiedFrom } : {}),
          });
          return { kind: 'add', site: saved };
        }
        case 'remove':
          await client.site.delete({ id: patch.site.id });
          return patch;
        case 'update': {
          const a = patch.after;
          const saved = await client.site.update({
            id: a.id, x: a.x, y: a.y, muscleId: a.muscleId, side: a.side, units: a.units, guidance: a.guidance, note: a.note,
          });
          return { kind: 'update', before: patch.before, after: saved };
        }
      }
    },
    [client],
  );

  const persist = useCallback(
    async (patch: Patch): Promise<Patch> => {
      if (patch.kind !== 'batch') return persistSite(patch);
      const first = patch.patches[0];
      const id = sessionId ?? (first ? (first.kind === 'update' ? first.after : first.site).sessionId : null);
      if (!id) throw new Error('useChartEditor: a batch needs the session it belongs to');
      const result = await client.site.batch(batchInput(id, patch));
      const added = new Map(result.added.map((s) => [s.id, s]));
      const updated = new Map(result.updated.map((s) => [s.id, s]));
      const applied = new Map(result.patterns.map((p) => [p.id, p]));
      return {
        ...patch,
        patches: patch.patches.map((p): SitePatch => {
          if (p.kind === 'add') return { kind: 'add', site: added.get(p.site.id) ?? p.site };
          if (p.kind === 'update') return { kind: 'update', before: p.before, after: updated.get(p.after.id) ?? p.after };
          return p;
        }),
        addPatterns: patch.addPatterns.map((p) => applied.get(p.id) ?? p),
      };
    },
    [client, persistSite, sessionId],
  );

  /** Queues a change behind the ones in flight, so quick clicks and keystrokes are kept, in order. */
  const enqueue = useCallback((task: () => Promise<boolean>): Promise<boolean> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const runNow = useCallback(
    async (patch: Patch | null, nextHistory: (saved: Patch, h: History) => History): Promise<boolean> => {
      if (!patch) return false;
      try {
        const saved = await persist(patch);
        sitesRef.current = applyPatch(sitesRef.current, saved);
        patternsRef.current = applyPatterns(patternsRef.current, saved);
        historyRef.current = nextHistory(saved, historyRef.current);
        setSites(sitesRef.current);
        setPatterns(patternsRef.current);
        setHistory(historyRef.current);
        return true;
      } catch (err) {
        onError(err);
        return false;
      }
    },
    [persist, onError],
  );

  const apply = useCallback(
    (patch: Patch): Promise<boolean> => {
      const run = () => enqueue(() => runNow(rebase(patch, sitesRef.current), (saved, h) => record(h, saved)));
      if (patch.kind !== 'add') return run();
      // Adding a site that is already shown, or already on its way, is the same placement again (a
      // double click, Enter pressed twice): it answers as the first did and sends nothing, so main
      // never sees it twice and the clinician never sees its refusal.
      const id = patch.site.id;
      const queued = addsInFlight.current.get(id);
      if (queued) return queued;
      if (sitesRef.current.some((s) => s.id === id)) return Promise.resolve(true);
      const added = run().finally(() => addsInFlight.current.delete(id));
      addsInFlight.current.set(id, added);
      return added;
    },
    [enqueue, runNow],
  );

  const undo = useCallback(
    () =>
      enqueue(async () => {
        const last = historyRef.current.done.at(-1);
        return last ? runNow(invert(last), (_saved, h) => afterUndo(h)) : false;
      }),
    [enqueue, runNow],
  );

  const redo = useCallback(
    () =>
      enqueue(async () => {
        const next = historyRef.current.undone.at(-1);
        return next ? runNow(next, (_saved, h) => afterRedo(h)) : false;
      }),
    [enqueue, runNow],
  );

  return {
    sites,
    patterns,
    apply,
    undo,
    redo,
    canUndo: history.done.length > 0,
    canRedo: history.undone.length > 0,
    lastDone: history.done.at(-1) ?? null,
    nextRedo: history.undone.at(-1) ?? null,
  };
}
