import { muscleName } from '../../../../shared/atlas/index.ts';
import { brand } from '../../../../shared/rules/format.ts';
import type { SessionDerived } from '../../../../shared/rules/types.ts';
import { formatUnits } from '../../format.ts';

const REGION_LABEL: Record<string, string> = {
  face: 'Face', head: 'Head', jaw: 'Jaw', neck: 'Neck', trunk: 'Trunk',
  upper_limb_left: 'Left arm', upper_limb_right: 'Right arm', lower_limb_left: 'Left leg', lower_limb_right: 'Right leg',
};

const side = (s: string) => (s === 'midline' ? '' : s === 'left' ? ' L' : ' R');

/** Totals per muscle and side, per side, per region and limb, and the product's rolling windows. */
export function TotalsPanel({ derived, productId }: { derived: SessionDerived; productId: string | null }) {
  const t = derived.totals;
  return (
    <section className="derived-section" aria-label="Totals" data-testid="totals-panel">
      <h3>Totals <span className="muted small-inline">{brand(productId)}</span></h3>
      <table className="muscle-totals">
        <tbody>
          <tr><td>Session</td><td className="num" data-testid="derived-total"><strong>{formatUnits(t.units)}</strong> · {t.sites} site{t.sites === 1 ? '' : 's'}</td></tr>
          <tr><td>Left / right / midline</td><td className="num">{formatUnits(t.bySide.left)} / {formatUnits(t.bySide.right)} / {formatUnits(t.bySide.midline)}</td></tr>
          {t.byRegion.map((r) => (
            <tr key={r.region}><td>{REGION_LABEL[r.region] ?? r.region}</td><td className="num">{formatUnits(r.units)} · {r.sites}</td></tr>
          ))}
          {derived.rolling.map((r) => (
            <tr key={r.windowDays} data-testid={`rolling-${r.windowDays}`}>
              <td>Last {r.windowDays} days, {brand(r.product)} only</td>
              <td className="num">{formatUnits(r.units)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details className="small">
        <summary>Per muscle and side</summary>
        <table className="muscle-totals">
          <tbody>
            {t.byMuscleSide.map((m) => (
              <tr key={`${m.muscleId}|${m.side}`}><td>{muscleName(m.muscleId)}{side(m.side)}</td><td className="num">{formatUnits(m.units)} · {m.sites}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
