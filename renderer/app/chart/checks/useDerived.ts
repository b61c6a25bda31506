import { useEffect, useRef, useState } from 'react';
import type { Client } from '../../../api.ts';
import { errorMessage } from '../../../api.ts';
import type { OutputOf } from '../../../../shared/ipc/contract.ts';

export type Derived = OutputOf<'session:derive'>;

/**
 * The session's derived figures and findings, read again after every saved change (`version` changes):
 * a reply to an older request never overwrites a newer one.
 */
export function useDerived(client: Client, sessionId: string, version: unknown) {
  const [derived, setDerived] = useState<Derived | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ask = ++latest.current;
    client.session
      .derive({ sessionId })
      .then((d) => {
        if (ask !== latest.current) return;
        setDerived(d);
        setError(null);
      })
      .catch((err: unknown) => {
        if (ask === latest.current) setError(errorMessage(err));
      });
  }, [client, sessionId, version, tick]);
  return { derived, error, refresh: () => setTick((t) => t + 1) };
}
