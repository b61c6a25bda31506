import { useEffect, useState, type ReactNode } from 'react';
import type { VaultApi, VaultStatus } from '../../../shared/ipc/vault-contract.ts';
import { errorMessage } from '../../api.ts';
import { vaultCall } from './vault-api.ts';
import { VaultScreen } from './VaultScreen.tsx';

/**
 * Renders the app only once the record is open (every app channel answers LOCKED before); until then the
 * vault screen. Asks the gate where it stands at every load, so a reload resumes at the same step.
 */
export function VaultBoot({ vault, children }: { vault: VaultApi; children: ReactNode }) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  useEffect(() => {
    let live = true;
    vaultCall(vault.status({})).then(
      (s) => live && setStatus(s),
      (err: unknown) => live && setStatus({ state: 'closed', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [vault]);

  if (!status) {
    return (
      <main className="screen narrow" aria-busy="true">
        <p className="muted">Opening the record…</p>
      </main>
    );
  }
  if (status.state === 'open') {
    const notice = status.notice;
    return (
      <>
        {notice && (
          // How a key change ended: kept until read and dismissed (it asks to destroy a recovery key).
          <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="vault-notice">
            <span>{notice.message}</span>
            <button type="button" className="notice-close" onClick={() => setStatus({ ...status, notice: undefined })} aria-label="Dismiss message">
              ×
            </button>
          </div>
        )}
        {children}
      </>
    );
  }
  return <VaultScreen vault={vault} status={status} onStatus={setStatus} />;
}
