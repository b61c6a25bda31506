import { useEffect, useState } from 'react';
import type { SessionDetail } from '../../../shared/domain/types.ts';
import { useClient } from '../client-context.tsx';

export interface Dilution {
  sizeUnits: number;
  diluentMl: number | null;
}

/**
 * A session copied forward carries the earlier session's reconstitution (vial size and diluent), not its lot or
 * expiry: the vial form opens with it. Null while loading, when there is no earlier session, or when the earlier
 * session used another product (units of one product are never another's).
 */
export function useEarlierDilution(session: Pick<SessionDetail, 'copiedFromSessionId' | 'productId'>): Dilution | null {
  const client = useClient();
  const [dilution, setDilution] = useState<Dilution | null>(null);
  const { copiedFromSessionId: from, productId } = session;
  useEffect(() => {
    if (!from || !productId) return;
    let live = true;
    client.session
      .get({ id: from })
      .then((earlier) => {
        const vial = earlier.vials.find((v) => v.productId === productId);
        if (live && vial) setDilution({ sizeUnits: vial.sizeUnits, diluentMl: vial.diluentMl });
      })
      .catch(() => undefined); // a discarded earlier draft: the form keeps the clinic's defaults
    return () => {
      live = false;
    };
  }, [client, from, productId]);
  return dilution;
}
