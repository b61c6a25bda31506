import type { HealthInfo } from '../../../shared/domain/types.ts';
import { formatDateTime, formatSize } from '../format.ts';

/**
 * The record's verification in words: every signed session's seal and the audit log's chain, and what
 * changed where when something does not hold; then where the files replaced by a restore are kept and
 * for how long.
 */
export function RecordTrust({ health }: { health: HealthInfo }) {
  const { trust, replaced } = health;
  return (
    <div className="record-trust" data-testid="record-trust">
      {trust.state === 'checking' && trust.problems.length === 0 && (
        <p className="muted">Signatures and audit log: being verified in the background…</p>
      )}
      {trust.state === 'ok' && (
        <p className="ok-text">
          Signatures and audit log: verified, nothing changed ({trust.sessionsChecked} signed session{trust.sessionsChecked === 1 ? '' : 's'},{' '}
          {trust.auditRowsChecked} audit entr{trust.auditRowsChecked === 1 ? 'y' : 'ies'}
          {trust.checkedAt ? `, ${formatDateTime(trust.checkedAt)}` : ''}).
        </p>
      )}
      {trust.problems.length > 0 && (
        <div className="trust-problems" role="alert">
          <strong>
            The record was changed outside ToxinMap: {trust.problems.length} finding{trust.problems.length === 1 ? '' : 's'}.
          </strong>{' '}
          Do not rely on the sessions named below until they are checked. Restore a backup from before the change, or contact support with
          this list.
          <ul>
            {trust.problems.slice(0, 20).map((p) => (
              <li key={`${p.kind}-${p.where}`}>
                <span className="trust-where">{p.where}</span> {p.detail}
              </li>
            ))}
          </ul>
          {trust.problems.length > 20 && <p>…and {trust.problems.length - 20} more.</p>}
        </div>
      )}
      <p className="muted">
        Files replaced by a restore are kept in <span className="mono">{replaced.directory}</span> ({replaced.rule}); now{' '}
        {replaced.files === 0 ? 'none' : `${replaced.files} file${replaced.files === 1 ? '' : 's'}, ${formatSize(replaced.bytes)}`}.
      </p>
    </div>
  );
}
