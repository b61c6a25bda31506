import type { SessionDerived } from '../../../../shared/rules/types.ts';
import { formatUnits } from '../../format.ts';
import { SourceList } from './SourceList.tsx';

/** Drug lines (HCPCS with JW or JZ), procedure lines (CPT) and what each vial gave, all derived, never typed. */
export function BillingPanel({ derived }: { derived: SessionDerived }) {
  const b = derived.billing;
  return (
    <section className="derived-section" aria-label="Billing" data-testid="billing-panel">
      <h3>Billing</h3>
      {b ? (
        <table className="muscle-totals claim" data-testid="hcpcs-lines">
          <tbody>
            <tr data-testid="hcpcs-admin">
              <td className="mono">{b.hcpcs}{b.modifier === 'JZ' ? '-JZ' : ''}</td>
              <td className="num">× {b.administeredBillingUnits}</td>
              <td className="muted">{formatUnits(b.administeredUnits)} given{b.unitSize !== 1 ? `; 1 billing unit = ${b.unitSize} U` : ''}</td>
            </tr>
            {b.modifier === 'JW' && (
              <tr data-testid="hcpcs-jw">
                <td className="mono">{b.hcpcs}-JW</td>
                <td className="num">× {b.jwBillingUnits}</td>
                <td className="muted">{formatUnits(b.discardedUnits)} discarded</td>
              </tr>
            )}
          </tbody>
        </table>
      ) : (
        <p className="muted small">No drug line yet: record the product and the sites.</p>
      )}
      {b?.openQuestion && <p className="open-question" role="note">Open question: {b.openQuestion}</p>}
      {b && <p className="small muted">Rules: <SourceList sources={b.sources} /></p>}
      {derived.cpt.length > 0 ? (
        <table className="muscle-totals claim" data-testid="cpt-lines">
          <tbody>
            {derived.cpt.map((l) => (
              <tr key={l.code} data-testid={`cpt-${l.code}`}>
                <td className="mono">{l.code}</td>
                <td className="num">× {l.units}</td>
                <td className="muted">
                  {l.review && <span className="badge badge-unverified">coder review</span>} {l.note}
                  {l.muscles && l.muscles.length > 0 && (
                    <details><summary>{l.muscles.length} muscle{l.muscles.length === 1 ? '' : 's'} counted</summary>{l.muscles.join('; ')}</details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">No procedure code yet.</p>
      )}
      {derived.vials.byVial.length > 0 && (
        <table className="muscle-totals" data-testid="vial-use">
          <caption>Vials, in the order opened{derived.concentrationPer01mL !== null ? ` · ${derived.concentrationPer01mL} U per 0.1 mL` : ''}</caption>
          <tbody>
            {derived.vials.byVial.map((v, i) => (
              <tr key={v.vialId}><td>Vial {i + 1} ({formatUnits(v.labelledUnits)})</td><td className="num">used {formatUnits(v.usedUnits)} · wasted {formatUnits(v.wastedUnits)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
