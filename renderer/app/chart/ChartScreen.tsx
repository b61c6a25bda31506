import { useCallback, useEffect, useMemo, useState } from 'react';
import { getView, hitTest, latestVersion, muscleName, pointAlong, viewsForIndication, type AtlasView, type Point, type Side } from '../../../shared/atlas/index.ts';
import type { Patient, SessionDetail, Site } from '../../../shared/domain/types.ts';
import { indicationLabel } from '../../../shared/indications.ts';
import { sessionConcentration } from '../../../shared/clinical/products.ts';
import { errorMessage } from '../../api.ts';
import { ChartCanvas } from '../../canvas/ChartCanvas.tsx';
import { clampZoom } from '../../canvas/viewport.ts';
import { useChartEditor } from '../../editor/useChartEditor.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { formatDate, patientName } from '../format.ts';
import { SitePanel, sideLabel, type PendingSite } from './SitePanel.tsx';
import { SessionDetailsPanel } from '../session/SessionDetailsPanel.tsx';
import { SignOrAmend } from '../session/SignOrAmend.tsx';
import { SessionHistory } from '../session/SessionHistory.tsx';

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

/** The views of this session: the indication's, plus any other view a site was charted on. */
function sessionViews(session: SessionDetail): string[] {
  const ids = [...viewsForIndication(session.indication)];
  for (const s of session.sites) if (!ids.includes(s.viewId)) ids.push(s.viewId);
  return ids;
}

/** Every muscle and side drawn on a view (deep ones only when shown), sorted by name. */
function viewMuscleChoices(view: AtlasView, showDeep = true): Array<{ muscleId: string; side: Side }> {
  const seen = new Map<string, { muscleId: string; side: Side }>();
  for (const r of view.regions) {
    if (showDeep || r.layer === 'superficial') seen.set(`${r.muscleId}|${r.side}`, { muscleId: r.muscleId, side: r.side });
  }
  return [...seen.values()].sort((a, b) => muscleName(a.muscleId).localeCompare(muscleName(b.muscleId)) || a.side.localeCompare(b.side));
}

function isDeepSite(site: Site): boolean {
  const regions = getView(site.viewId, site.viewVersion).regions.filter((r) => r.muscleId === site.muscleId && r.side === site.side);
  return regions.length > 0 && regions.every((r) => r.layer === 'deep');
}

/** What a placed site may be reassigned to: the muscles drawn on its diagram. */
function muscleChoices(site: Site): Array<{ muscleId: string; side: Side }> {
  return viewMuscleChoices(getView(site.viewId, site.viewVersion));
}

/** A view is shown in the version its sites were charted on, so an old map reads exactly as charted. */
function viewForSession(viewId: string, sites: readonly Site[]): AtlasView {
  const charted = sites.find((s) => s.viewId === viewId);
  return getView(viewId, charted?.viewVersion ?? latestVersion(viewId));
}

function Charting({ patient, session: initial, nav }: { patient: Patient; session: SessionDetail; nav: Nav }) {
  const client = useClient();
  const [session, setSession] = useState(initial);
  const [panel, setPanel] = useState<'sites' | 'details' | 'history'>('sites');
  const onError = useCallback((err: unknown) => nav.notify({ kind: 'error', message: errorMessage(err) }), [nav]);
  const editor = useChartEditor(client, session.sites, onError);
  const views = useMemo(() => sessionViews(initial), [initial]);
  const [viewId, setViewId] = useState(views[0] ?? 'face_front');
  const [zoom, setZoom] = useState(1);
  const [fitCount, setFitCount] = useState(0);
  // A map with sites in deep muscles opens with the deep layer shown, so those sites sit on their muscle.
  const [showDeep, setShowDeep] = useState(() => initial.sites.some(isDeepSite));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingSite | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  // Prefill with the units of the last site charted in this session; the clinician types over it.
  const [lastUnits, setLastUnits] = useState(() => {
    const last = initial.sites.at(-1);
    return last ? String(last.units) : '';
  });
  const [hovered, setHovered] = useState<string | null>(null);
  const view = viewForSession(viewId, editor.sites);
  const readOnly = session.status !== 'draft';
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
    setPending({ point, ...hit, units: lastUnits });
  }

  /** Without a pointer (keyboard, or a muscle too small to hit): a site in the middle of the named muscle. */
  function placeByMuscle(muscleId: string, side: Side) {
    const region = view.regions.find((r) => r.muscleId === muscleId && r.side === side && (showDeep || r.layer === 'superficial'));
    if (!region) return;
    setSelectedId(null);
    setHint(null);
    setPending({ point: pointAlong(region, 0.5), muscleId, side, units: lastUnits });
  }

  async function confirmPending(units: number) {
    if (!pending) return;
    const at = new Date().toISOString();
    const site: Site = {
      id: crypto.randomUUID(),
      sessionId: session.id,
      seq: 0,
      viewId: view.id,
      viewVersion: view.version,
      x: pending.point.x,
      y: pending.point.y,
      muscleId: pending.muscleId,
      side: pending.side,
      units,
      guidance: 'none',
      note: '',
      createdAt: at,
      updatedAt: at,
    };
    if (await editor.apply({ kind: 'add', site })) {
      setLastUnits(String(units));
      setPending(null);
    }
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

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !inField) {
        e.preventDefault();
        void (e.shiftKey ? editor.redo() : editor.undo());
      } else if (mod && e.key.toLowerCase() === 'y' && !inField) {
        e.preventDefault();
        void editor.redo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !inField && selectedId) {
        const site = editor.sites.find((s) => s.id === selectedId);
        if (site) void remove(site);
      } else if (e.key === 'Escape') {
        setPending(null);
        setSelectedId(null);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <main className="chart">
      <div className="chart-head">
        <div>
          <h1 className="chart-title">
            {patientName(patient)} <span className="muted">· MRN {patient.mrn}</span>
          </h1>
          <p className="subtitle">
            {formatDate(session.date)} · {indicationLabel(session.indication)} ·{' '}
            <span className={`badge badge-${session.status}`}>{readOnly ? 'Signed' : 'Draft — every change is saved'}</span>
          </p>
        </div>
        <div className="toolgroup">
          <SignOrAmend session={session} nav={nav} onSigned={setSession} />
          <button type="button" onClick={() => nav.go({ screen: 'patient', patientId: patient.id })}>
            Back to patient
          </button>
        </div>
      </div>
      {session.amendsSessionId && (
        <p className="amendment-note" role="note">
          Amendment of a signed session — reason: {session.amendmentReason} ({session.amendmentAuthor})
        </p>
      )}
      <div className="chart-toolbar" role="toolbar" aria-label="Diagram">
        <div className="tabs" role="tablist">
          {views.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={id === viewId}
              className={id === viewId ? 'tab active' : 'tab'}
              onClick={() => {
                setViewId(id);
                setPending(null);
              }}
            >
              {getView(id).title}
            </button>
          ))}
        </div>
        <div className="toolgroup">
          <label className="toggle">
            <input type="checkbox" checked={showDeep} onChange={(e) => setShowDeep(e.target.checked)} /> Deep muscles
          </label>
          <button type="button" aria-label="Zoom out" onClick={() => setZoom((z) => clampZoom(z / 1.25))}>
            −
          </button>
          <span className="zoom" data-testid="zoom">
            {Math.round(zoom * 100)}%
          </span>
          <button type="button" aria-label="Zoom in" onClick={() => setZoom((z) => clampZoom(z * 1.25))}>
            +
          </button>
          <button
            type="button"
            onClick={() => {
              setZoom(1);
              setFitCount((n) => n + 1);
            }}
          >
            Fit
          </button>
          <button type="button" onClick={() => void editor.undo()} disabled={!editor.canUndo || readOnly}>
            Undo
          </button>
          <button type="button" onClick={() => void editor.redo()} disabled={!editor.canRedo || readOnly}>
            Redo
          </button>
        </div>
      </div>
      <div className="chart-body">
        <div className="canvas-wrap">
          {hovered && <span className="hovered" data-testid="hovered">{hovered}</span>}
          <ChartCanvas
            key={`${view.id}:${fitCount}`}
            view={view}
            sites={viewSites}
            showDeep={showDeep}
            zoom={zoom}
            selectedId={selectedId}
            pending={pending?.point ?? null}
            highlightMuscleId={pending?.muscleId ?? null}
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
        <div className="chart-side">
          <div className="tabs side-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={panel === 'sites'} className={panel === 'sites' ? 'tab active' : 'tab'} onClick={() => setPanel('sites')}>
              Sites
            </button>
            <button type="button" role="tab" aria-selected={panel === 'details'} className={panel === 'details' ? 'tab active' : 'tab'} onClick={() => setPanel('details')} data-testid="details-tab">
              Details
            </button>
            <button type="button" role="tab" aria-selected={panel === 'history'} className={panel === 'history' ? 'tab active' : 'tab'} onClick={() => setPanel('history')} data-testid="history-tab">
              History
            </button>
          </div>
          {panel === 'details' ? (
            <div className="site-panel"><SessionDetailsPanel session={session} onChange={setSession} /></div>
          ) : panel === 'history' ? (
            <div className="site-panel"><SessionHistory sessionId={session.id} refreshKey={editor.sites} /></div>
          ) : (
        <SitePanel
          sites={editor.sites}
          selectedId={selectedId}
          pending={pending}
          hint={hint}
          readOnly={readOnly}
          concentration={sessionConcentration(session.vials)}
          muscleName={muscleName}
          onSelect={(site) => {
            setSelectedId(site.id);
            setViewId(site.viewId);
          }}
          onConfirm={(u) => void confirmPending(u)}
          onCancel={() => setPending(null)}
          onChangeUnits={(site, u) => void changeUnits(site, u)}
          muscleChoices={muscleChoices}
          viewMuscles={viewMuscleChoices(view, showDeep)}
          onPlaceByMuscle={placeByMuscle}
          onChangeSite={(site, changes) => void editor.apply({ kind: 'update', before: site, after: { ...site, ...changes } })}
          onDelete={(site) => void remove(site)}
        />
          )}
        </div>
      </div>
    </main>
  );
}
