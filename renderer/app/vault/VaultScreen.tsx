import { useState } from 'react';
import type { VaultApi, VaultStatus } from '../../../shared/ipc/vault-contract.ts';
import { CreateStep } from './CreateStep.tsx';
import { RecoverStep } from './RecoverStep.tsx';
import { RecoveryKeyStep } from './RecoveryKeyStep.tsx';
import { UnlockStep } from './UnlockStep.tsx';
import './vault.css';

type Locked = Exclude<VaultStatus, { state: 'open' }>;

/** What each step receives: its own status and where the next one goes. */
export interface StepProps<S extends Locked['state']> {
  status: Extract<Locked, { state: S }>;
  onStatus: (status: VaultStatus) => void;
}

/**
 * The screen before the record is open: first start (the key made, the recovery key stored), the practice
 * passphrase, the recovery key on a new computer, or why the record could not be opened.
 */
export function VaultScreen({ vault, status, onStatus }: { vault: VaultApi; status: Locked; onStatus: (status: VaultStatus) => void }) {
  // "Use the recovery key instead" from the passphrase step; the gate accepts it from any locked state.
  const [useRecoveryKey, setUseRecoveryKey] = useState(false);
  return (
    <div className="vault-page" data-testid="vault-screen" data-state={status.state}>
      <header className="vault-brand">
        <span>ToxinMap</span>
      </header>
      <main className="vault-main">{step()}</main>
    </div>
  );

  function step() {
    switch (status.state) {
      case 'create':
        return <CreateStep vault={vault} status={status} onStatus={onStatus} />;
      case 'recovery-key':
        return <RecoveryKeyStep key={status.recoveryKey} vault={vault} status={status} onStatus={onStatus} />;
      case 'unlock':
        return useRecoveryKey ? (
          <RecoverStep
            vault={vault}
            // Unlocking by passphrase means this computer protects the key with one: a new one is chosen.
            status={{ state: 'recover', reason: 'Forgot the practice passphrase? The recovery key opens the record, and a new practice passphrase replaces the old one.', store: null }}
            onStatus={onStatus}
            onBack={() => setUseRecoveryKey(false)}
          />
        ) : (
          <UnlockStep vault={vault} status={status} onStatus={onStatus} onUseRecoveryKey={() => setUseRecoveryKey(true)} />
        );
      case 'recover':
        return <RecoverStep vault={vault} status={status} onStatus={onStatus} />;
      case 'closed':
        return (
          <section className="card vault-card" aria-labelledby="vault-title">
            <h1 id="vault-title">The record could not be opened</h1>
            <p className="form-error" role="alert" data-testid="vault-closed-message">{status.message}</p>
            <p>Close ToxinMap and start it again. If this message comes back, the details are in the log.</p>
          </section>
        );
    }
  }
}
