import { describe, expect, it } from 'vitest';
import rawLimits from '../../../resources/reference/limits.json' with { type: 'json' };
import { reference } from '../../../shared/clinical/reference.ts';
import { PRODUCT_IDS } from '../../../shared/clinical/products.ts';
import { INDICATION_IDS } from '../../../shared/indications.ts';
import { LIMITS, MUSCLE_DOSE_TABLES, parseDose } from '../../../shared/rules/limits.ts';
import { CPT_RULES } from '../../../shared/rules/cpt.ts';
import { hasMuscle } from '../../../shared/atlas/catalogue.ts';

const SOURCE_IDS = new Set((reference.sources as Array<{ id: string }>).map((s) => s.id));

function sourcesIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => sourcesIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'sources' && Array.isArray(v)) out.push(...(v as string[]));
      else sourcesIn(v, out);
    }
  }
  return out;
}

describe('structured limits (resources/reference/limits.json)', () => {
  it('every entry cites at least one source, and every source is one the reference has', () => {
    for (const l of LIMITS) expect(l.sources.length, l.id).toBeGreaterThan(0);
    for (const t of MUSCLE_DOSE_TABLES) expect(t.sources.length, t.id).toBeGreaterThan(0);
    const cited = sourcesIn(rawLimits);
    expect(cited.length).toBeGreaterThan(40);
    for (const s of cited) expect(SOURCE_IDS.has(s), s).toBe(true);
  });

  it('an entry citing only MEM is marked from memory (shown unverified), and the reverse', () => {
    for (const l of LIMITS) expect(l.fromMemory, l.id).toBe(l.sources.includes('MEM'));
  });

  it('products, indications and muscle groups named in limits exist', () => {
    const groups = new Set((reference.muscle_groups as Array<{ id: string }>).map((g) => g.id));
    for (const l of LIMITS) {
      if (l.productId) expect(PRODUCT_IDS, l.id).toContain(l.productId);
      for (const i of l.indications ?? []) expect(INDICATION_IDS, l.id).toContain(i);
      if (l.muscleGroup) expect(groups.has(l.muscleGroup), l.id).toBe(true);
      expect(l.ref.length).toBeGreaterThan(5);
    }
  });

  it('each maximum appears in the reference text it encodes', () => {
    const text = JSON.stringify(reference);
    for (const l of LIMITS) {
      if (l.maxU !== null) expect(text.includes(String(l.maxU)), `${l.id} ${l.maxU}`).toBe(true);
    }
  });

  it('per-muscle tables resolve to rows with known muscles and a parsed dose', () => {
    for (const t of MUSCLE_DOSE_TABLES) {
      expect(t.rows.length, t.id).toBeGreaterThan(3);
      for (const r of t.rows) for (const id of r.muscleIds) expect(hasMuscle(id), id).toBe(true);
    }
    expect(parseDose('60-200', undefined)).toEqual({ maxU: 200, basis: 'combined' });
    expect(parseDose('5-10 each', undefined)).toEqual({ maxU: 10, basis: 'each' });
    expect(parseDose(75, undefined)).toEqual({ maxU: 75, basis: 'combined' });
    expect(parseDose('12.5-50', undefined)).toEqual({ maxU: 50, basis: 'combined' });
  });

  it('every CPT code the rules can suggest is in the reference’s code list', () => {
    const known = new Set((reference.cpt_procedure_codes as Array<{ code: string }>).map((c) => c.code));
    const codes = [CPT_RULES.chronic_migraine.code, ...CPT_RULES.chronic_migraine.excludes.codes, ...CPT_RULES.per_side.map((r) => r.code),
      CPT_RULES.extremity.base_small, CPT_RULES.extremity.base_large, CPT_RULES.extremity.addon_small, CPT_RULES.extremity.addon_large,
      CPT_RULES.trunk.small, CPT_RULES.trunk.large, CPT_RULES.guidance.emg, CPT_RULES.guidance.estim, CPT_RULES.ultrasound.code];
    for (const c of codes) expect(known.has(c), c).toBe(true);
  });
});
