import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { getView, hasView, hitTest, muscleName, type AtlasView, type Point, type Side } from '../../../shared/atlas/index.ts';
import { mirrorSite } from '../../../shared/atlas/mirror-site.ts';
import { pointOnMuscle } from '../../../shared/atlas/site-region.ts';
import { freePointInRegion, regionsOf, spreadDistance } from '../../../shared/atlas/spread.ts';
import type { SessionDetail, SessionPattern, Site } from '../../../shared/domain/types.ts';
import { newId } from '../../../shared/domain/ids.ts';
import type { Client } from '../../api.ts';
import type { Camera } from '../../canvas/viewport.ts';
import type { SitePatch } from '../../editor/history.ts';
import { initialTool, pendingOf, selectedIds, toolReducer, type ToolMode } from '../../editor/tool.ts';
import { useChartEditor } from '../../editor/useChartEditor.ts';
import { isDeepSite, sessionViews, viewForSession } from './chart-views.ts';
import { loadDraft, savePending, saveView, type ChartDraft } from './drafts.ts';
import { useInFlight } from './in-flight.ts';
import { newPendingSite, siteFromPending } from './placement.ts';
import { sideLabel } from './site-text.ts';

/** A site moved onto another muscle: said aloud, with a way back. */
export interface MoveNotice {
  seq: number;
  from: string;
  to: string;
}

const FIT: Camera = { zoom: 1, pan: { x: 0, y: 0 } };

const label = (muscleId: string, side: Side) => `${muscleName(muscleId)} ${sideLabel(side)}`;

/** A new site for the session (seq 0: main numbers it). */
export function newSite(sessionId: string, at: string, fields: Omit<Site, 'id' | 'sessionId' | 'seq' | 'createdAt' | 'updatedAt' | 'guidance' | 'note'> & Partial<Pick<Site, 'guidance' | 'note'>>): Site {
  return { id: newId(), sessionId, seq: 0, guidance: 'none', note: '', createdAt: at, updatedAt: at, ...fields };
}

/**
 * Everything the chart screen does with the session's sites: the tool (place, select, drag), the diagrams of the
 * session, placing by pointer or by name, moving, mirroring, batches (patterns, putting back), and what is still
 * typed but unsaved, kept for a reload.
 */
export function useCharting(client: Client, session: SessionDetail, onError: (err: unknown) => void) {
  const readOnly = session.status !== 'draft';
  const editor = useChartEditor(client, session.sites, onError, session.patterns ?? [], session.id);
  const [tool, dispatch] = useReducer(toolReducer, readOnly, initialTool);
  useEffect(() => {
    if (readOnly) dispatch({ type: 'readOnly' });
  }, [readOnly]);
  // What was typed before a reload, offered back once (read before anything overwrites it).
  const [recovered, setRecovered] = useState<ChartDraft>(() => loadDraft(session.id));

  const views = useMemo(
    () => sessionViews({ indication: session.indication, otherIndications: session.otherIndications, sites: editor.sites }),
    [session.indication, session.otherIndications, editor.sites],
  );
  const [viewId, setViewIdState] = useState(() => (recovered.viewId && views.includes(recovered.viewId) ? recovered.viewId : (views[0] ?? 'face_front')));
  const [camera, setCamera] = useState<Camera>(FIT);
  const setViewId = useCallback(
    (id: string) => {
      setViewIdState(id);
      setCamera(FIT);
      saveView(session.id, id);
    },
    [session.id],
  );
  const view = viewForSession(viewId, editor.sites);
  const viewFor = useCallback((id: string): AtlasView | null => (hasView(id) ? viewForSession(id, editor.sites) : null), [editor.sites]);
  // A map with sites in deep muscles opens with the deep layer shown, so those sites sit on their muscle.
  const [showDeep, setShowDeep] = useState(() => session.sites.some(isDeepSite));
  const [hint, setHint] = useState<string | null>(null);
  const [moveNotice, setMoveNotice] = useState<MoveNotice | null>(null);
  // Prefill with the units of the last site charted in this session; the clinician types over it.
  const [lastUnits, setLastUnits] = useState(() => {
    const last = session.sites.at(-1);
    return last ? String(last.units) : '';
  });
  const placing = useInFlight();
  // One batch at a time: a double click on "Place 6 sites", or M pressed twice, is one pattern or one mirror.
  const batching = useInFlight();
  const pending = readOnly ? null : pendingOf(tool);
  const selection = selectedIds(tool);

  // The site being placed is kept for a reload until it is saved or dropped.
  const pendingSeen = useRef(false);
  useEffect(() => {
    if (pending) pendingSeen.current = true;
    if (pending || pendingSeen.current) savePending(session.id, pending ? { pending, viewId } : null);
  }, [pending, viewId, session.id]);

  // Sites that disappear (undo, delete) leave the selection.
  useEffect(() => {
    const gone = selection.filter((id) => !editor.sites.some((s) => s.id === id));
    if (gone.length > 0) dispatch({ type: 'gone', ids: gone });
  }, [editor.sites, selection]);

  const takenOn = useCallback(
    (id: string): Point[] => [...editor.sites.filter((s) => s.viewId === id), ...(pending && id === viewId ? [pending.point] : [])],
    [editor.sites, pending, viewId],
  );

  function place(point: Point) {
    if (readOnly) return;
    const hit = hitTest(view, point, { showDeep });
    if (!hit) {
      setHint('That point is not on a muscle of this diagram. Click inside a muscle region.');
      dispatch({ type: 'escape' });
      return;
    }
    setHint(null);
    dispatch({ type: 'place', pending: newPendingSite(point, hit, lastUnits) });
  }

  /** Without a pointer (keyboard, or a muscle too small to hit): inside the named muscle, away from its other sites. */
  function placeByMuscle(muscleId: string, side: Side, regionId?: string, onViewId?: string) {
    if (readOnly) return;
    // A muscle of another diagram of the session: that diagram comes on screen with the site on it.
    const target = (onViewId && viewFor(onViewId)) || view;
    const region = (regionId && target.regions.find((r) => r.id === regionId)) || regionsOf(target, muscleId, side, showDeep)[0];
    if (!region) return;
    setHint(null);
    if (target.id !== viewId) setViewId(target.id);
    if (region.layer === 'deep') setShowDeep(true);
    const point = freePointInRegion(region, takenOn(target.id), spreadDistance(target));
    dispatch({ type: 'place', pending: newPendingSite(point, { muscleId, side }, lastUnits) });
  }

  /** The one way a placement is saved (button or Enter): at most one save in flight, always under the pending site's own id. */
  function confirmPending(units: number) {
    const placed = pending;
    if (!placed) return;
    void placing.run(async () => {
      const site = siteFromPending(placed, session.id, view, units, new Date().toISOString());
      if (await editor.apply({ kind: 'add', site })) {
        setLastUnits(String(units));
        // A site started elsewhere while this one was saving stays open.
        dispatch({ type: 'placed', pendingId: placed.id });
      }
    });
  }

  async function move(siteId: string, point: Point) {
    const before = editor.sites.find((s) => s.id === siteId);
    if (!before || readOnly) return;
    const hit = hitTest(viewFor(before.viewId) ?? view, point, { showDeep });
    if (!hit) {
      setHint('A site cannot be moved off the muscles; it stays where it was.');
      return;
    }
    const changed = hit.muscleId !== before.muscleId || hit.side !== before.side;
    const ok = await editor.apply({ kind: 'update', before, after: { ...before, x: point.x, y: point.y, muscleId: hit.muscleId, side: hit.side } });
    // Crossing into another muscle is never silent: the new muscle is named, with a way back.
    if (ok && changed) setMoveNotice({ seq: before.seq, from: label(before.muscleId, before.side), to: label(hit.muscleId, hit.side) });
    else if (ok) setMoveNotice(null);
  }

  function changeUnits(site: Site, units: number): Promise<boolean> {
    if (units === site.units) return Promise.resolve(true);
    return editor.apply({ kind: 'update', before: site, after: { ...site, units } });
  }

  /**
   * Naming a muscle or side (another one, or the same again for a site charted off it before points had to
   * lie on their muscle) moves the site onto it when its point is elsewhere: the map and the record agree.
   */
  function changeSite(site: Site, changes: Partial<Pick<Site, 'muscleId' | 'side' | 'guidance' | 'note'>>): Promise<boolean> {
    const after = { ...site, ...changes };
    if (changes.muscleId !== undefined || changes.side !== undefined) {
      const others = editor.sites.filter((s) => s.viewId === site.viewId && s.id !== site.id);
      const point = pointOnMuscle(getView(site.viewId, site.viewVersion), site, after.muscleId, after.side, others);
      if (point) Object.assign(after, { x: point.x, y: point.y });
    }
    return editor.apply({ kind: 'update', before: site, after });
  }

  async function remove(sites: readonly Site[]) {
    if (sites.length === 0) return;
    const ok =
      sites.length === 1
        ? await editor.apply({ kind: 'remove', site: sites[0] as Site })
        : await batch(`Deleting ${sites.length} sites`, sites.map((site) => ({ kind: 'remove', site })));
    if (ok) dispatch({ type: 'gone', ids: sites.map((s) => s.id) });
  }

  /** Several changes as one step: one transaction, one undo. */
  async function batch(label: string, patches: SitePatch[], addPatterns: SessionPattern[] = []): Promise<boolean> {
    let ok = false;
    const ran = await batching.run(async () => {
      ok = await editor.apply({ kind: 'batch', label, patches, addPatterns, removePatterns: [] });
    });
    return ran && ok;
  }

  /** The selected sites mirrored to the patient's other side, as new sites, in one step. */
  async function mirror(ids: readonly string[] = selection) {
    const chosen = editor.sites.filter((s) => ids.includes(s.id));
    if (chosen.length === 0 || readOnly || batching.busy) return;
    const at = new Date().toISOString();
    const used = new Map<string, Point[]>();
    const taken = (id: string) => used.get(id) ?? (used.set(id, takenOn(id)).get(id) as Point[]);
    const added: Site[] = [];
    const skipped: string[] = [];
    for (const s of chosen) {
      const result = mirrorSite(s, viewFor, taken);
      if (!result.ok) {
        skipped.push(`${label(s.muscleId, s.side)} (${result.reason === 'midline' ? 'a midline muscle' : 'not drawn on the other side'})`);
        continue;
      }
      // Mirroring never stacks a site on an identical one already there (M pressed twice, or mirrored back).
      const m = result.site;
      const twin = editor.sites.some((o) => o.viewId === m.viewId && o.muscleId === m.muscleId && o.side === m.side && Math.hypot(o.x - m.x, o.y - m.y) < 1);
      if (twin) {
        skipped.push(`${label(s.muscleId, s.side)} (its mirror image is already charted)`);
        continue;
      }
      taken(m.viewId).push(m);
      added.push(newSite(session.id, at, { ...m, units: s.units, guidance: s.guidance, note: s.note }));
    }
    if (added.length > 0) {
      const ok = await batch(`Mirroring ${added.length} ${added.length === 1 ? 'site' : 'sites'} to the other side`, added.map((site) => ({ kind: 'add', site })));
      if (ok) dispatch({ type: 'selectMany', ids: added.map((s) => s.id) });
      if (ok && added.some(isDeepSite)) setShowDeep(true);
    }
    setHint(skipped.length > 0 ? `Not mirrored: ${skipped.join('; ')}.` : null);
  }

  function setMode(mode: ToolMode) {
    if (readOnly && mode === 'place') return;
    dispatch({ type: 'mode', mode });
  }

  return {
    readOnly,
    editor,
    tool,
    dispatch,
    views,
    viewId,
    setViewId,
    view,
    viewFor,
    camera,
    setCamera,
    showDeep,
    setShowDeep,
    hint,
    setHint,
    moveNotice,
    setMoveNotice,
    pending,
    lastUnits,
    saving: placing.busy,
    batching: batching.busy,
    selection,
    recovered,
    dismissRecovered: (part: 'pending' | 'fields') => setRecovered((r) => ({ ...r, [part]: part === 'pending' ? null : {} })),
    place,
    placeByMuscle,
    confirmPending,
    move,
    changeUnits,
    changeSite,
    remove,
    batch,
    mirror,
    setMode,
    takenOn,
  };
}

export type Charting = ReturnType<typeof useCharting>;
