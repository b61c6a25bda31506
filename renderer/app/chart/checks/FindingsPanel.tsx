import { useState } from 'react';
import type { Finding } from '../../../../shared/rules/types.ts';
import { useClient } from '../../client-context.tsx';
import { formatDateTime } from '../../format.ts';
import { useAction } from '../../session/useAsync.ts';
import { SourceList } from './SourceList.tsx';

/**
 * Every finding of the session with its sources. Warnings inform and never block: the clinician may
 * acknowledge one with a reason, which is stored with the session, audited and printed in the summary.
 */
export function FindingsPanel({ sessionId, findings, readOnly, onChanged }: {
  sessionId: string;
  findings: readonly Finding[];
  readOnly: boolean;
  onChanged: () => void;
}) {
  const warnings = findings.filter((f) => f.severity === 'warning');
  const infos = findings.filter((f) => f.severity === 'info');
  return (
    <section className="findings" aria-label="Dose checks and findings" data-testid="findings">
      <h3>
        Checks{' '}
        <span className="muted small-inline">
          {warnings.length === 0 ? 'no warnings' : `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`}
          {infos.length > 0 ? ` · ${infos.length} note${infos.length === 1 ? '' : 's'}` : ''}
        </span>
      </h3>
      {findings.length === 0 && <p className="ok-text">No warnings for this session.</p>}
      <ul className="plain finding-list">
        {[...warnings, ...infos].map((f) => (
          <FindingItem key={f.key} sessionId={sessionId} finding={f} readOnly={readOnly} onChanged={onChanged} />
        ))}
      </ul>
    </section>
  );
}

function FindingItem({ sessionId, finding: f, readOnly, onChanged }: { sessionId: string; finding: Finding; readOnly: boolean; onChanged: () => void }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const ack = f.acknowledgement;
  return (
    <li className={`finding finding-${f.severity}${ack ? ' finding-acked' : ''}`} data-testid={`finding-${f.kind}`} data-key={f.key}>
      <div className="finding-head">
        <span className={`badge sev-${f.severity}`}>{f.severity === 'warning' ? 'Warning' : 'Note'}</span>
        {f.unverified && <span className="badge badge-unverified" title="The reference marks this rule as recalled, not checked against a source">unverified</span>}
        <SourceList sources={f.sources} />
      </div>
      <p className="finding-message">{f.message}</p>
      {f.convention && (
        <details className="small">
          <summary>App convention</summary>
          {f.convention}
        </details>
      )}
      {ack ? (
        <p className="ack" data-testid="acknowledgement">
          Acknowledged by {ack.by}, {formatDateTime(ack.at)}: “{ack.reason}”
          {!readOnly && (
            <button type="button" className="linklike ack-withdraw" disabled={busy} onClick={() => void run(async () => { await client.finding.unacknowledge({ sessionId, key: f.key }); onChanged(); })}>
              Withdraw
            </button>
          )}
        </p>
      ) : readOnly ? null : open ? (
        <form
          className="ack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await client.finding.acknowledge({ sessionId, key: f.key, kind: f.kind, reason });
              setOpen(false);
              setReason('');
              onChanged();
            });
          }}
        >
          <input required autoFocus aria-label="Reason" placeholder="Reason (e.g. tolerated before, large muscle)" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="primary" disabled={busy || reason.trim() === ''}>Save</button>
          <button type="button" onClick={() => setOpen(false)}>Cancel</button>
        </form>
      ) : (
        <button type="button" className="ack-open" onClick={() => setOpen(true)}>
          {f.kind === 'template_departure' ? 'Give the reason…' : 'Acknowledge…'}
        </button>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </li>
  );
}
