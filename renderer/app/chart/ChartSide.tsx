import { useState, type ReactNode } from 'react';
import type { SessionDetail } from '../../../shared/domain/types.ts';
import { SessionDetailsPanel } from '../session/SessionDetailsPanel.tsx';
import { SessionHistory } from '../session/SessionHistory.tsx';
import { ChecksSummary, ChecksTab } from './checks/ChecksTab.tsx';
import type { useDerived } from './checks/useDerived.ts';

export type SideTab = 'sites' | 'checks' | 'details' | 'history';

/**
 * Beside the diagram: the Sites tab (its content comes in as children), the session's details and
 * its history.
 */
export function ChartSide({ session, onSessionChange, historyRefreshKey, checks, children, tab, onTab }: {
  session: SessionDetail;
  onSessionChange: (s: SessionDetail) => void;
  /** The history is read again whenever this changes (the sites after each saved change). */
  historyRefreshKey: unknown;
  /** The session's derived figures and findings, kept current by the chart. */
  checks: ReturnType<typeof useDerived>;
  children: ReactNode;
  /** The tab shown, when the chart decides it (a site placed on the diagram brings the Sites tab forward). */
  tab?: SideTab;
  onTab?: (tab: SideTab) => void;
}) {
  const [own, setOwn] = useState<SideTab>('sites');
  const panel = tab ?? own;
  const setPanel = onTab ?? setOwn;
  return (
    <div className="chart-side">
      <ChecksSummary derived={checks.derived} onOpen={() => setPanel('checks')} />
      <div className="tabs side-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={panel === 'sites'} className={panel === 'sites' ? 'tab active' : 'tab'} onClick={() => setPanel('sites')}>
          Sites
        </button>
        <button type="button" role="tab" aria-selected={panel === 'checks'} className={panel === 'checks' ? 'tab active' : 'tab'} onClick={() => setPanel('checks')} data-testid="checks-tab-button">
          Checks
        </button>
        <button type="button" role="tab" aria-selected={panel === 'details'} className={panel === 'details' ? 'tab active' : 'tab'} onClick={() => setPanel('details')} data-testid="details-tab">
          Details
        </button>
        <button type="button" role="tab" aria-selected={panel === 'history'} className={panel === 'history' ? 'tab active' : 'tab'} onClick={() => setPanel('history')} data-testid="history-tab">
          History
        </button>
      </div>
      {panel === 'checks' ? (
        <ChecksTab session={session} derived={checks.derived} error={checks.error} onChanged={checks.refresh} />
      ) : panel === 'details' ? (
        <div className="site-panel"><SessionDetailsPanel session={session} onChange={onSessionChange} /></div>
      ) : panel === 'history' ? (
        <div className="site-panel"><SessionHistory sessionId={session.id} refreshKey={historyRefreshKey} /></div>
      ) : (
        children
      )}
    </div>
  );
}
