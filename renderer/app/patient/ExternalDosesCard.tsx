import { useEffect, useState, type FormEvent } from 'react';
import type { ExternalDose } from '../../../shared/domain/types.ts';
import { PRODUCTS, getProduct } from '../../../shared/clinical/products.ts';
import { INDICATIONS, indicationLabel, type IndicationId } from '../../../shared/indications.ts';
import { useClient } from '../client-context.tsx';
import { formatDate, formatUnits, todayIso } from '../format.ts';
import { useAction } from '../session/useAsync.ts';

/**
 * Doses given elsewhere (another clinic, a cosmetic treatment): they count in the rolling windows and
 * the interval checks of every later session, and are shown as given elsewhere.
 */
export function ExternalDosesCard({ patientId }: { patientId: string }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [list, setList] = useState<ExternalDose[]>([]);
  const empty = { date: '', productId: '', units: '', where: '', indication: '', note: '' };
  const [form, setForm] = useState(empty);
  const reload = async () => setList(await client.externalDose.list({ patientId }));
  useEffect(() => {
    void client.externalDose.list({ patientId }).then(setList);
  }, [client, patientId]);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await client.externalDose.add({
        patientId, date: form.date, productId: form.productId, units: Number(form.units), where: form.where,
        indication: form.indication ? (form.indication as IndicationId) : null, note: form.note,
      });
      setForm(empty);
      await reload();
    });
  }

  return (
    <section className="card" aria-label="Doses given elsewhere" data-testid="external-doses">
      <h2>Doses given elsewhere</h2>
      <p className="muted small">They count in the rolling dose windows and the interval since the last toxin dose; units of different products are never added together.</p>
      {list.length === 0 && <p className="muted">None recorded.</p>}
      <ul className="plain">
        {list.map((d) => (
          <li key={d.id} className="row-item">
            <span>
              <strong>{formatDate(d.date)}</strong> · {getProduct(d.productId).brand} {formatUnits(d.units)} · {d.where}
              {d.indication ? ` · ${indicationLabel(d.indication)}` : ''}{d.note ? ` · ${d.note}` : ''}
            </span>
            <button type="button" className="danger icon" aria-label={`Remove the dose of ${d.date}`} onClick={() => void run(async () => { await client.externalDose.remove({ id: d.id }); await reload(); })}>✕</button>
          </li>
        ))}
      </ul>
      <form className="form-grid compact" onSubmit={(e) => void submit(e)} aria-label="Add a dose given elsewhere">
        <label>Date<input required type="date" max={todayIso()} value={form.date} onChange={set('date')} /></label>
        <label>Product<select required value={form.productId} onChange={set('productId')}><option value="">Choose…</option>{PRODUCTS.map((p) => <option key={p.id} value={p.id}>{p.brand}</option>)}</select></label>
        <label>Units<input required inputMode="decimal" value={form.units} onChange={set('units')} /></label>
        <label>Where<input required placeholder="e.g. cosmetic clinic" value={form.where} onChange={set('where')} maxLength={200} /></label>
        <label>Indication<select value={form.indication} onChange={set('indication')}><option value="">Not known</option>{INDICATIONS.map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}</select></label>
        <label className="wide-row">Note<input value={form.note} onChange={set('note')} maxLength={1000} /></label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="form-actions"><button type="submit" disabled={busy}>Add dose</button></div>
      </form>
    </section>
  );
}
