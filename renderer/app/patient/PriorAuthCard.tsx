import { useEffect, useState, type FormEvent } from 'react';
import type { PriorAuthorization } from '../../../shared/domain/types.ts';
import { PRODUCTS, getProduct } from '../../../shared/clinical/products.ts';
import { useClient } from '../client-context.tsx';
import { formatDate, formatUnits } from '../format.ts';
import { useAction } from '../session/useAsync.ts';

/** Prior authorizations with their use so far, derived from signed sessions. */
export function PriorAuthCard({ patientId }: { patientId: string }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [list, setList] = useState<PriorAuthorization[]>([]);
  const empty = { payer: '', number: '', productId: '', validFrom: '', validTo: '', approvedUnits: '', approvedVisits: '' };
  const [form, setForm] = useState(empty);
  const reload = async () => setList(await client.priorAuth.list({ patientId }));
  useEffect(() => {
    void client.priorAuth.list({ patientId }).then(setList);
  }, [client, patientId]);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await client.priorAuth.save({
        patientId, payer: form.payer, number: form.number, productId: form.productId || null, validFrom: form.validFrom, validTo: form.validTo,
        approvedUnits: form.approvedUnits === '' ? null : Number(form.approvedUnits),
        approvedVisits: form.approvedVisits === '' ? null : Number(form.approvedVisits),
      });
      setForm(empty);
      await reload();
    });
  }

  return (
    <section className="card" aria-label="Prior authorizations">
      <h2>Prior authorizations</h2>
      {list.length === 0 && <p className="muted">None recorded.</p>}
      <ul className="plain">
        {list.map((p) => (
          <li key={p.id} className="row-item">
            <span>
              <strong>{p.payer}</strong> #{p.number} · {formatDate(p.validFrom)} – {formatDate(p.validTo)}
              {p.productId ? ` · ${getProduct(p.productId).brand}` : ''} · used {formatUnits(p.usedUnits)}
              {p.approvedUnits !== null ? ` of ${formatUnits(p.approvedUnits)}` : ''}, {p.usedVisits}
              {p.approvedVisits !== null ? ` of ${p.approvedVisits}` : ''} visits
            </span>
            <button type="button" className="danger icon" aria-label={`Delete authorization ${p.number}`} onClick={() => void run(async () => { await client.priorAuth.delete({ id: p.id }); await reload(); })}>✕</button>
          </li>
        ))}
      </ul>
      <form className="form-grid compact" onSubmit={(e) => void submit(e)} aria-label="Add prior authorization">
        <label>Payer<input required value={form.payer} onChange={set('payer')} maxLength={120} /></label>
        <label>Number<input required value={form.number} onChange={set('number')} maxLength={60} /></label>
        <label>Product<select value={form.productId} onChange={set('productId')}><option value="">Any</option>{PRODUCTS.map((p) => <option key={p.id} value={p.id}>{p.brand}</option>)}</select></label>
        <label>Valid from<input required type="date" value={form.validFrom} onChange={set('validFrom')} /></label>
        <label>Valid to<input required type="date" value={form.validTo} onChange={set('validTo')} /></label>
        <label>Approved units<input inputMode="decimal" value={form.approvedUnits} onChange={set('approvedUnits')} /></label>
        <label>Approved visits<input inputMode="numeric" value={form.approvedVisits} onChange={set('approvedVisits')} /></label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="form-actions"><button type="submit" disabled={busy}>Add authorization</button></div>
      </form>
    </section>
  );
}
