import { useState, type FormEvent } from 'react';
import { concentrationPer01ml, PRODUCTS } from '../../../shared/clinical/products.ts';
import { DEFAULT_UNITS_STEP, type Settings, type SettingsPatch } from '../../../shared/domain/settings.ts';
import { INDICATIONS, type IndicationId } from '../../../shared/indications.ts';
import type { Nav } from '../App.tsx';
import { useSettings } from '../settings-context.tsx';
import { useAction } from '../session/useAsync.ts';

type Fields = Pick<Settings, 'defaultProductId' | 'defaultDilutions' | 'unitsStep' | 'defaultRetreatmentDays'>;

/** Products that are reconstituted (a ready-to-use solution has no dilution to remember). */
const RECONSTITUTED = PRODUCTS.filter((p) => !p.readyToUse);

interface Form {
  product: string;
  dilutions: Record<string, { size: string; diluent: string }>;
  steps: Partial<Record<IndicationId, string>>;
  days: string;
}

function toForm(s: Fields): Form {
  return {
    product: s.defaultProductId ?? '',
    dilutions: Object.fromEntries(
      RECONSTITUTED.map((p) => {
        const d = s.defaultDilutions[p.id];
        return [p.id, { size: String(d?.sizeUnits ?? p.vialSizes.find((v) => v === 100) ?? p.vialSizes[0] ?? ''), diluent: d ? String(d.diluentMl) : '' }];
      }),
    ),
    steps: Object.fromEntries(Object.entries(s.unitsStep).map(([k, v]) => [k, String(v)])),
    days: String(s.defaultRetreatmentDays),
  };
}

const decimal = (text: string) => Number(text.trim().replace(',', '.'));

/** Reads the form into a patch, or names the first field that is not a number. */
function toPatch(form: Form): { patch: SettingsPatch } | { error: string } {
  const defaultDilutions: NonNullable<Settings['defaultDilutions']> = {};
  for (const p of RECONSTITUTED) {
    const d = form.dilutions[p.id];
    if (!d || d.diluent.trim() === '') continue;
    const diluentMl = decimal(d.diluent);
    if (!Number.isFinite(diluentMl)) return { error: `The diluent for ${p.brand} must be a number of mL (e.g. 2).` };
    defaultDilutions[p.id] = { sizeUnits: Number(d.size), diluentMl };
  }
  const unitsStep: Settings['unitsStep'] = {};
  for (const { id, label } of INDICATIONS) {
    const text = form.steps[id]?.trim() ?? '';
    if (text === '') continue;
    const step = decimal(text);
    if (!Number.isFinite(step)) return { error: `The units step for ${label} must be a number (e.g. 0.25).` };
    unitsStep[id] = step;
  }
  const days = Number(form.days.trim());
  if (!Number.isInteger(days)) return { error: 'The re-treatment interval must be a whole number of days (e.g. 84).' };
  return { patch: { defaultProductId: form.product || null, defaultDilutions, unitsStep, defaultRetreatmentDays: days } };
}

export function ChartingDefaultsCard({ nav }: { nav: Nav }) {
  const { settings } = useSettings();
  if (!settings) return null;
  const key = JSON.stringify([settings.defaultProductId, settings.defaultDilutions, settings.unitsStep, settings.defaultRetreatmentDays]);
  return <DefaultsForm key={key} saved={settings} nav={nav} />;
}

function DefaultsForm({ saved, nav }: { saved: Fields; nav: Nav }) {
  const { save } = useSettings();
  const { busy, error, run } = useAction();
  const [form, setForm] = useState<Form>(() => toForm(saved));
  const [formError, setFormError] = useState<string | null>(null);
  const changed = JSON.stringify(form) !== JSON.stringify(toForm(saved));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const read = toPatch(form);
    if ('error' in read) {
      setFormError(read.error);
      return;
    }
    setFormError(null);
    if (await run(() => save(read.patch))) nav.notify({ kind: 'info', message: 'Charting defaults saved.' });
  }

  const days = Number(form.days);
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-label="Charting defaults">
      <h2>Charting defaults</h2>
      <div className="form-grid">
        <label>
          Clinic default product
          <select value={form.product} onChange={(e) => setForm({ ...form, product: e.target.value })} data-testid="default-product">
            <option value="">None</option>
            {PRODUCTS.map((p) => (
              <option key={p.id} value={p.id}>{p.brand} ({p.id})</option>
            ))}
          </select>
          <span className="hint small-inline">Used for a new session when the clinician profile names no product.</span>
        </label>
        <label>
          Next visit due after (days)
          <input inputMode="numeric" value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} data-testid="retreatment-days" />
          <span className="hint small-inline">
            {Number.isInteger(days) && days > 0 ? `${days} days = ${Math.floor(days / 7)} weeks${days % 7 ? ` ${days % 7} days` : ''}. ` : ''}
            Proposed as a session's next due date; it can be changed on each session.
          </span>
        </label>
      </div>

      <h3>Usual reconstitution</h3>
      <p className="hint small">Prefills the vial form. Leave the diluent empty for no default.</p>
      <table className="list compact-list" data-testid="default-dilutions">
        <thead>
          <tr><th>Product</th><th>Vial</th><th>Diluent (mL)</th><th className="num">Concentration</th></tr>
        </thead>
        <tbody>
          {RECONSTITUTED.map((p) => {
            const d = form.dilutions[p.id] ?? { size: '', diluent: '' };
            const set = (patch: Partial<typeof d>) => setForm({ ...form, dilutions: { ...form.dilutions, [p.id]: { ...d, ...patch } } });
            const conc = d.diluent.trim() === '' ? null : concentrationPer01ml(Number(d.size), decimal(d.diluent));
            return (
              <tr key={p.id}>
                <td>{p.brand}</td>
                <td>
                  <select aria-label={`${p.brand} vial size`} value={d.size} onChange={(e) => set({ size: e.target.value })}>
                    {p.vialSizes.map((v) => <option key={v} value={v}>{v} U</option>)}
                  </select>
                </td>
                <td>
                  <input aria-label={`${p.brand} diluent mL`} inputMode="decimal" className="short" value={d.diluent} placeholder="none" onChange={(e) => set({ diluent: e.target.value })} />
                </td>
                <td className="num">{conc !== null && Number.isFinite(conc) ? `${conc} U / 0.1 mL` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>Units stepper</h3>
      <p className="hint small">How much the + and − buttons change a site's units. Any amount can still be typed. Empty: {DEFAULT_UNITS_STEP} U.</p>
      <div className="steps-grid" data-testid="units-steps">
        {INDICATIONS.map(({ id, label }) => (
          <label key={id}>
            {label}
            <span className="input-with-unit">
              <input
                inputMode="decimal"
                className="short"
                value={form.steps[id] ?? ''}
                placeholder={String(DEFAULT_UNITS_STEP)}
                onChange={(e) => setForm({ ...form, steps: { ...form.steps, [id]: e.target.value } })}
                data-testid={`units-step-${id}`}
              />
              <span className="unit-suffix">U</span>
            </span>
          </label>
        ))}
      </div>
      {(formError ?? error) && <p className="form-error" role="alert">{formError ?? error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !changed} data-testid="save-defaults">Save defaults</button>
      </div>
    </form>
  );
}
