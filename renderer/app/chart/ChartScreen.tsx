import { useCallback, useEffect, useMemo, useState } from 'react';
import { hitTest, muscleName, pointAlong, type Point, type Side } from '../../../shared/atlas/index.ts';
import type { Patient, SessionDetail, Site } from '../../../shared/domain/types.ts';
import { sessionConcentration } from '../../../shared/clinical/products.ts';
import { errorMessage } from '../../api.ts';
import { ChartCanvas } from '../../canvas/ChartCanvas.tsx';
import { useChartEditor } from '../../editor/useChartEditor.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { ChartHeader } from './ChartHeader.tsx';
import { ChartSide } from './ChartSide.tsx';
import { ChartToolbar } from './ChartToolbar.tsx';
import { isDeepSite, muscleChoices, sessionViews, viewForSession, viewMuscleChoices } from './chart-views.ts';
import { useInFlight } from './in-flight.ts';
import { newPendingSite, siteFromPending, type PendingSite } from './placement.ts';
import { SitePanel, sideLabel } from './SitePanel.tsx';
import { useChartShortcuts } from './useChartShortcuts.ts';
import { useDerived } from './checks/useDerived.ts';
import { usePreviousMap } from './previous-map.ts';
import { formatDate } from '../format.ts';

interface Loaded {
  patient: Patient;
  session: SessionDetail;
}

export function ChartScreen({ patientId, sessionId, nav }: { patientId: string; sessionId: string; nav: Nav }) {
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    Promise.all([client.patient.get({ id: patientId }), client.session.get({ id: sessionId })])
      .then(([patient, session]) => setLoaded({ patient, session }))
      .catch((err: unknown) => nav.notify({ kind: 'error', message: errorMessage(err) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per session
  }, [client, patientId, sessionId]);

  if (!loaded) return <main className="screen muted">Loading…</main>;
  return <Charting patient={loaded.patient} session={loaded.session} nav={nav} />;
}

function Charting({ patient, session: initial, nav }: { patient: Patient; session: SessionDetail; nav: Nav }) {
  const client = useClient();
  const [session, setSession] = useState(initial);
  const onError = useCallback((err: unknown) => nav.notify({ kind: 'error', message: errorMessage(err) }), [nav]);
  const editor = useChartEditor(client, session.sites, onError);
  // Every saved change (a site, or the session's product, vials, dates…) derives the figures again.
  const changes = useMemo(() => ({ sites: editor.sites, session }), [editor.sites, session]);
  const checks = useDerived(client, session.id, changes);
  const views = useMemo(() => sessionViews(initial), [initial]);
  const [viewId, setViewId] = useState(views[0] ?? 'face_front');
  const [zoom, setZoom] = useState(1);
  const [fitCount, setFitCount] = useState(0);
  // A map with sites in deep muscles opens with the deep layer shown, so those sites sit on their muscle.
  const [showDeep, setShowDeep] = useState(() => initial.sites.some(isDeepSite));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The previous session's map, faded under this one on demand (only where it was charted on the same diagram version).
  const previous = usePreviousMap(client, initial);
  const [overlayOn, setOverlayOn] = useState(false);
  const [pending, setPending] = useState<PendingSite | null>(null);
  const placing = useInFlight();
  const [hint, setHint] = useState<string | null>(null);
  // Prefill with the units of the last site charted in this session; the clinician types over it.
  const [lastUnits, setLastUnits] = useState(() => {
    const last = initial.sites.at(-1);
    return last ? String(last.units) : '';
  });
  const [hovered, setHovered] = useState<string | null>(null);
  const view = viewForSession(viewId, editor.sites);
  const readOnly = session.status !== 'draft';
  // A placement left open when the session was signed is not offered any more.
  const openPending = readOnly ? null : pending;
  const viewSites = editor.sites.filter((s) => s.viewId === view.id);

  function resolve(point: Point): { muscleId: string; side: Side } | null {
    const hit = hitTest(view, point, { showDeep });
    return hit && { muscleId: hit.muscleId, side: hit.side };
  }

  function place(point: Point) {
    setSelectedId(null);
    if (readOnly) return;
    const hit = resolve(point);
    if (!hit) {
      setHint('That point is not on a muscle of this diagram. Click inside a muscle region.');
      setPending(null);
      return;
    }
    setHint(null);
    setPending(newPendingSite(point, hit, lastUnits));
  }

  /** Without a pointer (keyboard, or a muscle too small to hit): a site in the middle of the named muscle. */
  function placeByMuscle(muscleId: string, side: Side) {
    const region = view.regions.find((r) => r.muscleId === muscleId && r.side === side && (showDeep || r.layer === 'superficial'));
    if (!region) return;
    setSelectedId(null);
    setHint(null);
    setPending(newPendingSite(pointAlong(region, 0.5), { muscleId, side }, lastUnits));
  }

  /** The one way a placement is saved (button or Enter): at most one save in flight, always under the pending site's own id. */
  function confirmPending(units: number) {
    const placed = openPending;
    if (!placed) return;
    void placing.run(async () => {
      const site = siteFromPending(placed, session.id, view, units, new Date().toISOString());
      if (await editor.apply({ kind: 'add', site })) {
        setLastUnits(String(units));
        // A site started elsewhere while this one was saving stays open.
        setPending((current) => (current?.id === placed.id ? null : current));
      }
    });
  }

  async function move(siteId: string, point: Point) {
    const before = editor.sites.find((s) => s.id === siteId);
    if (!before || readOnly) return;
    const hit = resolve(point);
    if (!hit) {
      setHint('A site cannot be moved off the muscles; it stays where it was.');
      return;
    }
    await editor.apply({ kind: 'update', before, after: { ...before, x: point.x, y: point.y, ...hit } });
  }

  async function changeUnits(site: Site, units: number) {
    if (units === site.units) return;
    await editor.apply({ kind: 'update', before: site, after: { ...site, units } });
  }

  async function remove(site: Site) {
    if (await editor.apply({ kind: 'remove', site })) setSelectedId(null);
  }

  useChartShortcuts({
    readOnly,
    undo: () => void editor.undo(),
    redo: () => void editor.redo(),
    deleteSelected: () => {
      const site = editor.sites.find((s) => s.id === selectedId);
      if (site) void remove(site);
    },
    escape: () => {
      setPending(null);
      setSelectedId(null);
    },
  });

  return (
    <main className="chart">
      <ChartHeader patient={patient} session={session} nav={nav} onSigned={setSession} derived={checks.derived} />
      <ChartToolbar
        views={views}
        viewId={viewId}
        onView={(id) => {
          setViewId(id);
          setPending(null);
        }}
        showDeep={showDeep}
        onShowDeep={setShowDeep}
        zoom={zoom}
        onZoom={setZoom}
        onFit={() => {
          setZoom(1);
          setFitCount((n) => n + 1);
        }}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        onUndo={() => void editor.undo()}
        onRedo={() => void editor.redo()}
        readOnly={readOnly}
        overlay={previous ? { on: overlayOn, label: `Previous map (${formatDate(previous.date)})`, onToggle: setOverlayOn } : undefined}
      />
      <div className="chart-body">
        <div className="canvas-wrap">
          {hovered && <span className="hovered" data-testid="hovered">{hovered}</span>}
          <ChartCanvas
            key={`${view.id}:${fitCount}`}
            view={view}
            sites={viewSites}
            showDeep={showDeep}
            zoom={zoom}
            ghostSites={overlayOn && previous ? previous.sites.filter((s) => s.viewId === view.id && s.viewVersion === view.version) : undefined}
            selectedId={selectedId}
            pending={openPending?.point ?? null}
            highlightMuscleId={openPending?.muscleId ?? null}
            onPlace={place}
            onHover={(p) => {
              const hit = p && hitTest(view, p, { showDeep });
              const label = hit ? `${muscleName(hit.muscleId)} (${sideLabel(hit.side)})${hit.layer === 'deep' ? ', deep' : ''}` : null;
              // Re-render only when the muscle under the pointer changes, not on every mouse move.
              setHovered((current) => (current === label ? current : label));
            }}
            onSelect={setSelectedId}
            {...(readOnly ? {} : { onMove: (id: string, p: Point) => void move(id, p) })}
          />
        </div>
        <ChartSide session={session} onSessionChange={setSession} historyRefreshKey={editor.sites} checks={checks}>
          <SitePanel
            sites={editor.sites}
            selectedId={selectedId}
            pending={openPending}
            saving={placing.busy}
            hint={hint}
            readOnly={readOnly}
            concentration={sessionConcentration(session.vials)}
            muscleName={muscleName}
            onSelect={(site) => {
              setSelectedId(site.id);
              setViewId(site.viewId);
            }}
            onConfirm={confirmPending}
            onCancel={() => setPending(null)}
            onChangeUnits={(site, u) => void changeUnits(site, u)}
            muscleChoices={muscleChoices}
            viewMuscles={viewMuscleChoices(view, showDeep)}
            onPlaceByMuscle={placeByMuscle}
            onChangeSite={(site, changes) => void editor.apply({ kind: 'update', before: site, after: { ...site, ...changes } })}
            onDelete={(site) => void remove(site)}
          />
        </ChartSide>
      </div>
    </main>
  );
}
