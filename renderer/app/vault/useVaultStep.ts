import { useRef } from 'react';
import { useAction } from '../session/useAsync.ts';
import type { VaultStatus } from '../../../shared/ipc/vault-contract.ts';
import type { Envelope } from '../../../shared/ipc/result.ts';
import { vaultCall } from './vault-api.ts';

/**
 * One vault step's submit: busy while the call runs (a second Enter meanwhile is ignored), its error kept
 * for the form, the next status handed on.
 */
export function useVaultStep(onStatus: (status: VaultStatus) => void) {
  const { busy, error, run, clearError } = useAction();
  const inFlight = useRef(false);
  async function submit(call: () => Promise<Envelope<VaultStatus>>): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    try {
      const next = await run(() => vaultCall(call()));
      if (next) onStatus(next);
      return next !== undefined;
    } finally {
      inFlight.current = false;
    }
  }
  return { busy, error, submit, clearError };
}
