import { useCallback, useEffect, useState } from 'react';
import type { PatientHistory } from '../../../shared/domain/review.ts';
import { errorMessage } from '../../api.ts';
import { useClient } from '../client-context.tsx';

/**
 * A patient's history, loaded once and reloaded after a change made on this screen (a follow-up visit).
 * One channel and one reload path: a query/cache library would add a dependency for no screen that needs it.
 */
export function useHistory(patientId: string) {
  const client = useClient();
  const [history, setHistory] = useState<PatientHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    let current = true;
    client.review
      .history({ patientId })
      .then((h) => current && (setHistory(h), setError(null)))
      .catch((err: unknown) => current && setError(errorMessage(err)));
    return () => {
      current = false;
    };
  }, [client, patientId]);
  useEffect(() => reload(), [reload]);
  return { history, error, reload };
}
