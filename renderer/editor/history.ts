import type { SessionPattern, Site } from '../../shared/domain/types.ts';

/** One change to one site. */
export type SitePatch =
  | { kind: 'add'; site: Site }
  | { kind: 'remove'; site: Site }
  | { kind: 'update'; before: Site; after: Site };

/**
 * Several site changes that are one action for the clinician (a pattern, a mirror, a template, a copy-forward
 * accept): saved in one transaction and undone in one step. The patterns applied with them travel along.
 */
export interface BatchPatch {
  kind: 'batch';
  /** What the clinician did, in words ("Pattern: laterocollis, left"), for the undo button's title. */
  label: string;
  patches: SitePatch[];
  addPatterns: SessionPattern[];
  removePatterns: SessionPattern[];
}

/**
 * A change to the session's sites, as data. Every user action produces one; undo applies the inverse.
 * The same patch is what gets persisted, so the document and the database move together.
 */
export type Patch = SitePatch | BatchPatch;

function invertSite(patch: SitePatch): SitePatch {
  switch (patch.kind) {
    case 'add':
      return { kind: 'remove', site: patch.site };
    case 'remove':
      return { kind: 'add', site: patch.site };
    case 'update':
      return { kind: 'update', before: patch.after, after: patch.before };
  }
}

export function invert(patch: Patch): Patch {
  if (patch.kind !== 'batch') return invertSite(patch);
  return {
    kind: 'batch',
    label: patch.label,
    patches: [...patch.patches].reverse().map(invertSite),
    addPatterns: patch.removePatterns,
    removePatterns: patch.addPatterns,
  };
}

function applySite(sites: readonly Site[], patch: SitePatch): Site[] {
  switch (patch.kind) {
    case 'add':
      return [...sites.filter((s) => s.id !== patch.site.id), patch.site].sort((a, b) => a.seq - b.seq);
    case 'remove':
      return sites.filter((s) => s.id !== patch.site.id);
    case 'update':
      return sites.map((s) => (s.id === patch.after.id ? patch.after : s));
  }
}

/** Applies a patch to a list of sites (kept in charting order). */
export function applyPatch(sites: readonly Site[], patch: Patch): Site[] {
  if (patch.kind !== 'batch') return applySite(sites, patch);
  return patch.patches.reduce<Site[]>((acc, p) => applySite(acc, p), [...sites]);
}

/** Applies the pattern records of a patch to the session's list of applied patterns. */
export function applyPatterns(patterns: readonly SessionPattern[], patch: Patch): SessionPattern[] {
  if (patch.kind !== 'batch') return [...patterns];
  const removed = new Set(patch.removePatterns.map((p) => p.id));
  return [...patterns.filter((p) => !removed.has(p.id)), ...patch.addPatterns];
}

function rebaseSite(patch: SitePatch, sites: readonly Site[]): SitePatch | null {
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

/**
 * A patch made against what the screen showed, replayed against the sites as they are now (an
 * earlier queued change may have landed): an update carries only the fields it changed.
 * Returns null when the site it is about is already gone (or, for an add, already there); a batch keeps
 * the changes that still apply, and is null when none does.
 */
export function rebase(patch: Patch, sites: readonly Site[]): Patch | null {
  if (patch.kind !== 'batch') return rebaseSite(patch, sites);
  const patches = patch.patches.map((p) => rebaseSite(p, sites)).filter((p): p is SitePatch => p !== null);
  if (patches.length === 0 && patch.addPatterns.length === 0 && patch.removePatterns.length === 0) return null;
  return { ...patch, patches };
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

/** What undo would take back, in words, for the button's title. */
export function describePatch(patch: Patch, muscleName: (id: string) => string): string {
  switch (patch.kind) {
    case 'add':
      return `placing ${muscleName(patch.site.muscleId)}`;
    case 'remove':
      return `deleting site ${patch.site.seq}`;
    case 'update':
      return patch.before.muscleId !== patch.after.muscleId || patch.before.side !== patch.after.side
        ? `moving site ${patch.after.seq} to ${muscleName(patch.after.muscleId)}`
        : patch.before.units !== patch.after.units
          ? `units of site ${patch.after.seq}`
          : patch.before.x !== patch.after.x || patch.before.y !== patch.after.y
            ? `moving site ${patch.after.seq}`
            : `changing site ${patch.after.seq}`;
    case 'batch':
      return patch.label;
  }
}
