import { useCallback, useEffect, useState } from 'react';
import { AtlasGallery } from './atlas/AtlasGallery.tsx';
import { ChartScreen } from './chart/ChartScreen.tsx';
import { MenuCommands } from './MenuCommands.tsx';
import { Notice, type NoticeData } from './Notice.tsx';
import { PatientScreen } from './PatientScreen.tsx';
import { PatientsScreen } from './PatientsScreen.tsx';
import { CompareScreen } from './review/CompareScreen.tsx';
import { LotRecallScreen } from './review/LotRecallScreen.tsx';
import { SettingsScreen } from './SettingsScreen.tsx';
import { isStoredRoute, loadRoute, saveRoute } from './route-memory.ts';

export type Route =
  | { screen: 'patients' }
  | { screen: 'patient'; patientId: string }
  | { screen: 'chart'; patientId: string; sessionId: string }
  | { screen: 'compare'; patientId: string; a: string; b: string }
  | { screen: 'lots' }
  | { screen: 'atlas' }
  | { screen: 'settings' };

const NAV_ITEMS = [
  { screen: 'atlas', label: 'Atlas' },
  { screen: 'patients', label: 'Patients' },
  { screen: 'lots', label: 'Lot recall' },
  { screen: 'settings', label: 'Settings' },
] as const;

export interface Nav {
  go: (route: Route) => void;
  notify: (notice: NoticeData) => void;
}

export function App() {
  // The window reopens where the clinician was (patient, session), after a reload or a restart.
  const [route, setRoute] = useState<Route>(() => (loadRoute(isStoredRoute) as Route | null) ?? { screen: 'patients' });
  useEffect(() => saveRoute(route), [route]);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const notify = useCallback((n: NoticeData) => setNotice(n), []);
  const closeNotice = useCallback(() => setNotice(null), []);
  const nav: Nav = { go: setRoute, notify };

  return (
    <div className="app">
      <header className="topbar">
        <button type="button" className="brand" onClick={() => setRoute({ screen: 'patients' })}>
          ToxinMap
        </button>
        <nav className="topnav" aria-label="Main">
          {NAV_ITEMS.map(({ screen, label }) => (
            <button
              key={screen}
              type="button"
              className={route.screen === screen ? 'navlink active' : 'navlink'}
              onClick={() => setRoute({ screen })}
            >
              {label}
            </button>
          ))}
        </nav>
      </header>
      {notice && <Notice notice={notice} onClose={closeNotice} />}
      <div className="content">{renderRoute(route, nav)}</div>
      <MenuCommands nav={nav} route={route} />
    </div>
  );
}

function renderRoute(route: Route, nav: Nav) {
  switch (route.screen) {
    case 'patients':
      return <PatientsScreen nav={nav} />;
    case 'patient':
      return <PatientScreen key={route.patientId} patientId={route.patientId} nav={nav} />;
    case 'chart':
      return <ChartScreen key={route.sessionId} patientId={route.patientId} sessionId={route.sessionId} nav={nav} />;
    case 'compare':
      return <CompareScreen key={`${route.a}:${route.b}`} patientId={route.patientId} a={route.a} b={route.b} nav={nav} />;
    case 'lots':
      return <LotRecallScreen nav={nav} />;
    case 'atlas':
      return <AtlasGallery />;
    case 'settings':
      return <SettingsScreen nav={nav} />;
  }
}
