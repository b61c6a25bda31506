import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { hitTest, muscleName, siteLocation, type Side } from '../../../shared/atlas/index.ts';
import { placePatternSites } from '../../../shared/clinical/pattern-placement.ts';
import { familiesFor, findPattern } from '../../../shared/clinical/patterns.ts';
import { sessionConcentration } from '../../../shared/clinical/products.ts';
import { unitsStep } from '../../../shared/clinical/units-step.ts';
import type { Patient, SessionDetail, SessionPattern, Site, Template } from '../../../shared/domain/types.ts';
import { newId } from '../../../shared/domain/ids.ts';
import { errorMessage } from '../../api.ts';
import { ChartCanvas } from '../../canvas/ChartCanvas.tsx';
import { useCanvasPalette } from '../../canvas/palette.ts';
import { clampZoom, zoomAround } from '../../canvas/viewport.ts';
import { describePatch } from '../../editor/history.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { formatDate } from '../format.ts';
import { forgetRoute } from '../route-memory.ts';
import { useSettings } from '../settings-context.tsx';
import { ChartHeader } from './ChartHeader.tsx';
import { ChartSide, type SideTab } from './ChartSide.tsx';
import { ChartToolbar } from './ChartToolbar.tsx';
import { isDeepSite, muscleChoices } from './chart-views.ts';
import { useDerived } from './checks/useDerived.ts';
import { compareWithEarlier, statusRing } from './copy-forward.ts';
import { savePending } from './drafts.ts';
import { muscleOptions } from './MusclePicker.tsx';
import { PatternDialog, type PatternAcceptance } from './patterns/PatternDialog.tsx';
import { usePreviousMap } from './previous-map.ts';
import { RecoveredBanner } from './RecoveredBanner.tsx';
import { AddTemplate } from './AddTemplate.tsx';
import { sideLabel } from './site-text.ts';
import { SitePanel } from './SitePanel.tsx';
import { newSite, useCharting } from './useCharting.ts';
import { useChartShortcuts } from './useChartShortcuts.ts';
import './chart.css';

interface Loaded {
  patient: Patient;
  session: SessionDetail;
  earlier: SessionDetail | null;
}

export function ChartScreen({ patientId, sessionId, nav }: { patientId: string; sessionId: string; nav: Nav }) {
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    Promise.all([client.patient.get({ id: patientId }), client.session.get({ id: sessionId })])
      .then(async ([patient, session]) => {
        // Copied forward: the earlier session, to show what changed since (absent if it was a discarded draft).
        const earlier = session.copiedFromSessionId ? await client.session.get({ id: session.copiedFromSessionId }).catch(() => null) : null;
        setLoaded({ patient, session, earlier });
      })
      .catch((err: unknown) => {
        // A session that no longer opens (discarded, or a restored backup without it): back to the patient list.
        forgetRoute();
        nav.notify({ kind: 'error', message: errorMessage(err) });
        nav.go({ screen: 'patients' });
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per session
  }, [client, patientId, sessionId]);

  if (!loaded) return <main className="screen muted">Loading…</main>;
  return <Charting patient={loaded.patient} session={loaded.session} earlier={loaded.earlier} nav={nav} />;
}

function Charting({ patient, session: initial, earlier, nav }: { patient: Patient; session: SessionDetail; earlier: SessionDetail | null; nav: Nav }) {
  const client = useClient();
  const palette = useCanvasPalette();
  const { settings } = useSettings();
  const [session, setSession] = useState(initial);
  const onError = useCallback((err: unknown) => nav.notify({ kind: 'error', message: errorMessage(err) }), [nav]);
  const c = useCharting(client, session, onError);
  const { editor, view, readOnly } = c;
  // Every saved change (a site, or the session's product, vials, dates…) derives the figures again.
  const changes = useMemo(() => ({ sites: editor.sites, session }), [editor.sites, session]);
  const checks = useDerived(client, session.id, changes);
  const previous = usePreviousMap(client, initial);
  const [overlayOn, setOverlayOn] = useState(false);
  const [hovered, setHovered] = useState<string | null>(null);
  // A site placed on the diagram brings the Sites tab forward, where its units are typed.
  const [sideTab, setSideTab] = useState<SideTab>('sites');
  const [patternsOpen, setPatternsOpen] = useState(false);
  const [patternError, setPatternError] = useState<string | null>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const indications = useMemo(() => [session.indication, ...session.otherIndications], [session.indication, session.otherIndications]);
  const stepFor = (muscleId: string | null) => unitsStep(session.indication, muscleId, settings?.unitsStep ?? null);
  const viewSites = editor.sites.filter((s) => s.viewId === view.id);
  const copyForward = useMemo(() => (earlier ? compareWithEarlier(editor.sites, earlier.sites) : null), [earlier, editor.sites]);
  const markerRing = useCallback((s: Site) => statusRing(copyForward?.status.get(s.id), { changed: palette.highlight, added: palette.siteDeep }), [copyForward, palette]);
  const { views: viewIds, viewFor } = c;
  const options = useMemo(() => muscleOptions(viewIds.flatMap((id) => viewFor(id) ?? []), view.id), [viewIds, viewFor, view.id]);
  const selectedSites = editor.sites.filter((s) => c.selection.includes(s.id));
  const pendingLocation = c.pending ? siteLocation(view, c.pending.point, c.pending.muscleId, c.pending.side) : null;

  const zoomBy = (direction: 1 | -1 | 0) => {
    if (direction === 0) return c.setCamera({ zoom: 1, pan: { x: 0, y: 0 } });
    const box = document.querySelector('[data-testid="chart-canvas"]')?.getBoundingClientRect();
    const size = { width: box?.width ?? 600, height: box?.height ?? 600 };
    c.setCamera(zoomAround(view, size, c.camera, { x: size.width / 2, y: size.height / 2 }, clampZoom(c.camera.zoom * (direction > 0 ? 1.25 : 0.8))));
  };

  useChartShortcuts({
    readOnly,
    undo: () => void editor.undo(),
    redo: () => void editor.redo(),
    deleteSelected: () => void c.remove(selectedSites),
    escape: () => c.dispatch({ type: 'escape' }),
    zoom: zoomBy,
    setMode: c.setMode,
    mirror: () => void c.mirror(),
    selectAll: () => c.dispatch({ type: 'selectMany', ids: viewSites.map((s) => s.id) }),
  });

  async function acceptPatterns(a: PatternAcceptance) {
    const views = [view, ...c.views.filter((id) => id !== view.id).flatMap((id) => c.viewFor(id) ?? [])];
    const placed = placePatternSites(a.rows.map((r) => ({ muscleId: r.muscleId, side: r.side, sites: r.sites })), views, c.takenOn);
    if (!placed.ok) {
      setPatternError(`Not drawn on this session's diagrams: ${placed.missing.map((m) => `${muscleName(m.muscleId)} ${sideLabel(m.side)}`).join(', ')}.`);
      return;
    }
    const at = new Date().toISOString();
    const unitsOf = (m: string, s: Side) => a.rows.find((r) => r.muscleId === m && r.side === s)?.units ?? 0;
    const sites = placed.sites.map((p) => newSite(session.id, at, { ...p, units: unitsOf(p.muscleId, p.side) }));
    const uses: SessionPattern[] = a.uses.map((u) => ({ id: newId(), sessionId: session.id, patternName: findPattern(u.patternId)?.name ?? u.patternId, appliedAt: at, ...u }));
    const names = a.uses.map((u) => `${findPattern(u.patternId)?.name ?? u.patternId}${u.direction ? ` ${u.direction}` : ''}`);
    const ok = await c.batch(`pattern ${names.join(' + ')}`, sites.map((site) => ({ kind: 'add', site })), uses);
    if (ok) {
      setPatternsOpen(false);
      setPatternError(null);
      // Sites in deep muscles sit on their muscle only with the deep layer shown.
      if (sites.some(isDeepSite)) c.setShowDeep(true);
    }
  }

  async function addTemplate(t: Template) {
    const at = new Date().toISOString();
    const sites = t.sites.map((s) => newSite(session.id, at, { viewId: s.viewId, viewVersion: s.viewVersion, x: s.x, y: s.y, muscleId: s.muscleId, side: s.side, units: s.units, note: s.note }));
    if (await c.batch(`template “${t.name}”`, sites.map((site) => ({ kind: 'add', site })))) {
      if (sites.some(isDeepSite)) c.setShowDeep(true);
      if (!sites.some((s) => s.viewId === c.viewId) && sites[0]) c.setViewId(sites[0].viewId);
    }
  }

  function putBack(earlierSites: readonly Site[]) {
    const at = new Date().toISOString();
    const sites = earlierSites.map((e) => newSite(session.id, at, { viewId: e.viewId, viewVersion: e.viewVersion, x: e.x, y: e.y, muscleId: e.muscleId, side: e.side, units: e.units, guidance: e.guidance, note: e.note, copiedFrom: e.id }));
    void c.batch(`Putting back ${sites.length} ${sites.length === 1 ? 'site' : 'sites'} of the last session`, sites.map((site) => ({ kind: 'add', site })));
  }

  return (
    <main className="chart">
      <ChartHeader patient={patient} session={session} nav={nav} onSigned={setSession} derived={checks.derived} siteCount={editor.sites.length} />
      <RecoveredBanner
        draft={c.recovered}
        sites={editor.sites}
        onResume={() => {
          const p = c.recovered.pending;
          if (p) {
            setSideTab('sites');
            c.setViewId(p.viewId);
            c.dispatch({ type: 'place', pending: p.pending });
          }
          c.dismissRecovered('pending');
        }}
        onDrop={() => {
          savePending(session.id, null);
          c.dismissRecovered('pending');
        }}
        onDismissFields={() => c.dismissRecovered('fields')}
      />
      <ChartToolbar
        views={c.views}
        viewId={c.viewId}
        onView={(id) => {
          c.setViewId(id);
          c.dispatch({ type: 'clear' });
        }}
        showDeep={c.showDeep}
        onShowDeep={c.setShowDeep}
        zoom={c.camera.zoom}
        onZoom={(z) => {
          const next = typeof z === 'function' ? z(c.camera.zoom) : z;
          if (next !== c.camera.zoom) zoomBy(next > c.camera.zoom ? 1 : -1);
        }}
        onFit={() => zoomBy(0)}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        onUndo={() => void editor.undo()}
        onRedo={() => void editor.redo()}
        undoTitle={editor.lastDone ? describePatch(editor.lastDone, muscleName) : undefined}
        redoTitle={editor.nextRedo ? describePatch(editor.nextRedo, muscleName) : undefined}
        readOnly={readOnly}
        overlay={previous ? { on: overlayOn, label: `Previous map (${formatDate(previous.date)})`, onToggle: setOverlayOn } : undefined}
        mode={c.tool.mode}
        onMode={c.setMode}
        selectedCount={c.selection.length}
        onMirror={() => void c.mirror()}
        onPatterns={familiesFor(indications).length > 0 ? () => setPatternsOpen(true) : undefined}
      />
      <div className="chart-body">
        <div className="canvas-wrap">
          {hovered && <span className="hovered" data-testid="hovered">{hovered}</span>}
          {c.hint && (
            // What a press or a mirror could not do, said over the diagram where the clinician is looking.
            <p className="canvas-hint" role="status" data-testid="chart-hint">
              {c.hint}
              <button type="button" className="icon" aria-label="Dismiss" onClick={() => c.setHint(null)}>✕</button>
            </p>
          )}
          <ChartCanvas
            key={view.id}
            view={view}
            sites={viewSites}
            showDeep={c.showDeep}
            zoom={c.camera.zoom}
            pan={c.camera.pan}
            onCamera={c.setCamera}
            mode={c.tool.mode}
            ghostSites={overlayOn && previous ? previous.sites.filter((s) => s.viewId === view.id && s.viewVersion === view.version) : undefined}
            selectedId={null}
            selectedIds={c.selection}
            pending={c.pending?.point ?? null}
            highlightMuscleId={c.pending?.muscleId ?? null}
            markerRing={copyForward ? markerRing : undefined}
            onPlace={(p) => {
              if (!readOnly) setSideTab('sites');
              c.place(p);
            }}
            onSelect={(id, additive) => (id ? c.dispatch({ type: 'select', id, additive: additive ?? false }) : c.dispatch({ type: 'clear' }))}
            onHover={(p) => {
              const hit = p && hitTest(view, p, { showDeep: c.showDeep });
              const text = hit ? `${muscleName(hit.muscleId)} (${sideLabel(hit.side)})${hit.layer === 'deep' ? ', deep' : ''}` : null;
              // Re-render only when the muscle under the pointer changes, not on every mouse move.
              setHovered((current) => (current === text ? current : text));
            }}
            onDragState={(d) => (d ? c.dispatch({ type: 'dragStart', siteId: d.siteId, from: d.from }) : c.dispatch({ type: 'dragEnd' }))}
            {...(readOnly ? {} : { onMove: (id: string, p: { x: number; y: number }) => void c.move(id, p) })}
          />
        </div>
        <ChartSide session={session} onSessionChange={setSession} historyRefreshKey={editor.sites} checks={checks} tab={sideTab} onTab={setSideTab}>
          <SitePanel
            sessionId={session.id}
            sites={editor.sites}
            selectedIds={c.selection}
            pending={c.pending}
            pendingLocation={pendingLocation}
            saving={c.saving}
            readOnly={readOnly}
            concentration={sessionConcentration(session.vials)}
            stepFor={stepFor}
            lastUnits={c.lastUnits === '' ? null : Number(c.lastUnits)}
            options={options}
            pickerRef={pickerRef}
            copyForward={copyForward}
            patterns={editor.patterns}
            moveNotice={c.moveNotice}
            muscleName={muscleName}
            muscleChoices={muscleChoices}
            onPick={(o) => c.placeByMuscle(o.muscleId, o.side, o.regionId, o.viewId)}
            onSelect={(site, additive) => {
              c.dispatch({ type: 'select', id: site.id, additive });
              if (site.viewId !== c.viewId) c.setViewId(site.viewId);
            }}
            onTypeUnits={(text) => c.dispatch({ type: 'typeUnits', text })}
            onConfirm={(u) => {
              c.confirmPending(u);
              // Keyboard charting goes on: the next muscle is typed in the picker.
              window.setTimeout(() => pickerRef.current?.focus(), 0);
            }}
            onCancel={() => c.dispatch({ type: 'escape' })}
            onChangeUnits={c.changeUnits}
            onChangeSite={c.changeSite}
            onDelete={(site) => void c.remove([site])}
            onUndoMove={() => {
              c.setMoveNotice(null);
              void editor.undo();
            }}
            onDismissMove={() => c.setMoveNotice(null)}
            onPutBack={putBack}
            footer={readOnly ? null : <AddTemplate client={client} indications={indications} busy={c.batching} onAdd={(t) => void addTemplate(t)} />}
          />
        </ChartSide>
      </div>
      {patternsOpen && (
        <PatternDialog
          indications={indications}
          productId={session.productId}
          canPlace={(m, s) => c.views.some((id) => c.viewFor(id)?.regions.some((r) => r.muscleId === m && r.side === s))}
          busy={c.batching}
          error={patternError}
          onAccept={(a) => void acceptPatterns(a)}
          onClose={() => {
            setPatternsOpen(false);
            setPatternError(null);
          }}
        />
      )}
    </main>
  );
}
