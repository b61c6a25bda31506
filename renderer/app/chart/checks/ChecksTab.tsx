import type { SessionDetail } from '../../../../shared/domain/types.ts';
import { formatDateTime } from '../../format.ts';
import { BillingPanel } from './BillingPanel.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';
import { TotalsPanel } from './TotalsPanel.tsx';
import type { Derived } from './useDerived.ts';

/** The Checks tab: findings first (what needs a decision), then totals and billing, all from session:derive. */
export function ChecksTab({ session, derived, error, onChanged }: { session: SessionDetail; derived: Derived | null; error: string | null; onChanged: () => void }) {
  if (error) return <div className="site-panel"><p className="form-error" role="alert">{error}</p></div>;
  if (!derived) return <div className="site-panel muted">Checking…</div>;
  return (
    <div className="site-panel checks-tab" data-testid="checks-tab">
      {derived.signedSnapshot && (
        <p className="signed-snapshot" role="note">As signed: figures and findings as they stood at signing ({formatDateTime(derived.signedSnapshot.derivedAt)}).</p>
      )}
      {derived.completeness.length > 0 && session.status === 'draft' && (
        <section className="completeness" aria-label="Before signing" data-testid="completeness">
          <h3>Before signing</h3>
          <ul>{derived.completeness.map((c) => <li key={c.kind}>{c.message}</li>)}</ul>
        </section>
      )}
      <FindingsPanel sessionId={session.id} findings={derived.findings} readOnly={session.status !== 'draft'} onChanged={onChanged} />
      <TotalsPanel derived={derived} productId={session.productId} />
      <BillingPanel derived={derived} />
    </div>
  );
}

/** One line above the side panel, on every tab: how many warnings wait for a decision. */
export function ChecksSummary({ derived, onOpen }: { derived: Derived | null; onOpen: () => void }) {
  if (!derived) return null;
  const warnings = derived.findings.filter((f) => f.severity === 'warning');
  const open = warnings.filter((f) => !f.acknowledgement).length;
  const cls = open > 0 ? 'checks-summary has-open' : 'checks-summary';
  return (
    <button type="button" className={cls} onClick={onOpen} data-testid="checks-summary">
      {warnings.length === 0 ? 'No dose warnings' : `${warnings.length} warning${warnings.length === 1 ? '' : 's'}${open > 0 ? `, ${open} not acknowledged` : ', all acknowledged'}`}
      {derived.billing ? ` · ${derived.billing.hcpcs} × ${derived.billing.administeredBillingUnits}` : ''}
    </button>
  );
}
