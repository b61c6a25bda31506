import type { Site } from '../../shared/domain/types.ts';

/**
 * A change to the session's sites, as data. Every user action produces one; undo applies the inverse.
 * The same patch is what gets persisted, so the document and the database move together.
 */
export type Patch =
  | { kind: 'add'; site: Site }
  | { kind: 'remove'; site: Site }
  | { kind: 'update'; before: Site; after: Site };

export function invert(patch: Patch): Patch {
  switch (patch.kind) {
    case 'add':
      return { kind: 'remove', site: patch.site };
    case 'remove':
      return { kind: 'add', site: patch.site };
    case 'update':
      return { kind: 'update', before: patch.after, after: patch.before };
  }
}

/** Applies a patch to a list of sites (kept in charting order). */
export function applyPatch(sites: readonly Site[], patch: Patch): Site[] {
  switch (patch.kind) {
    case 'add':
      return [...sites.filter((s) => s.id !== patch.site.id), patch.site].sort((a, b) => a.seq - b.seq);
    case 'remove':
      return sites.filter((s) => s.id !== patch.site.id);
    case 'update':
      return sites.map((s) => (s.id === patch.after.id ? patch.after : s));
  }
}

/**
 * A patch made against what the screen showed, replayed against the sites as they are now (an
 * earlier queued change may have landed): an update carries only the fields it changed.
 * Returns null when the site it is about is already gone (or, for an add, already there).
 */
export function rebase(patch: Patch, sites: readonly Site[]): Patch | null {
  const current = sites.find((s) => s.id === (patch.kind === 'update' ? patch.after.id : patch.site.id));
  switch (patch.kind) {
    case 'add':
      return current ? null : patch;
    case 'remove':
      return current ? { kind: 'remove', site: current } : null;
    case 'update': {
      if (!current) return null;
      const changed = (Object.keys(patch.after) as Array<keyof Site>).filter((k) => patch.after[k] !== patch.before[k]);
      const after = { ...current, ...Object.fromEntries(changed.map((k) => [k, patch.after[k]])) } as Site;
      return { kind: 'update', before: current, after };
    }
  }
}

export interface History {
  done: Patch[];
  undone: Patch[];
}

export const EMPTY_HISTORY: History = { done: [], undone: [] };

/** Only user changes enter history, never loads from storage. */
export function record(history: History, patch: Patch): History {
  return { done: [...history.done, patch].slice(-500), undone: [] };
}

export function afterUndo(history: History): History {
  const last = history.done.at(-1);
  if (!last) return history;
  return { done: history.done.slice(0, -1), undone: [...history.undone, last] };
}

export function afterRedo(history: History): History {
  const next = history.undone.at(-1);
  if (!next) return history;
  return { done: [...history.done, next], undone: history.undone.slice(0, -1) };
}
