import supplement from '../../resources/reference/scales-supplement.json' with { type: 'json' };
import { reference } from '../../shared/clinical/reference.ts';
import { checkScaleValue, getScale, SCALES } from '../../shared/clinical/scales.ts';
import { outcomeMeasures, scoreNumber } from '../../shared/clinical/outcome-measures.ts';
import { INDICATION_IDS } from '../../shared/indications.ts';

describe('outcome scales the reference lacks', () => {
  const sourceIds = new Set((reference.sources as Array<{ id: string }>).map((s) => s.id));

  it('are not already in the reference, cite known sources and say when they are recalled', () => {
    const names = new Set((reference.outcome_scales as Array<{ name: string }>).map((s) => s.name));
    for (const s of supplement.outcome_scales) {
      expect(names.has(s.name), s.name).toBe(false);
      for (const id of s.sources) expect(sourceIds.has(id), `${s.name}: ${id}`).toBe(true);
      if (s.sources.every((id) => id === 'MEM')) expect(s.from_memory, s.name).toBe(true);
    }
  });

  it('are in the catalogue, shown as unverified, with bounds that appear in their range text', () => {
    for (const id of ['omdq25', 'cgi_i', 'pgi_i']) {
      const scale = getScale(id);
      expect(scale.ref.fromMemory, id).toBe(true);
      const range = supplement.outcome_scales.find((s) => s.name === scale.referenceName)?.range ?? '';
      if (scale.kind.kind === 'numeric') expect(range).toContain(`${scale.kind.min}-${scale.kind.max}`);
      else expect(range).toContain(`${scale.kind.grades[0]}-${scale.kind.grades.at(-1)}`);
    }
    expect(checkScaleValue(getScale('cgi_i'), '2')).toEqual({ ok: true, value: '2' });
    expect(checkScaleValue(getScale('pgi_i'), '8').ok).toBe(false);
    expect(checkScaleValue(getScale('omdq25'), '101').ok).toBe(false);
    const cgi = getScale('cgi_i').kind;
    expect(cgi.kind === 'ordinal' && cgi.labels?.['4']).toBe('no change');
  });

  it('give every indication at least one outcome measure from the catalogue', () => {
    for (const indication of INDICATION_IDS) expect(outcomeMeasures(indication).length, indication).toBeGreaterThan(0);
    expect(outcomeMeasures('cervical_dystonia').map((s) => s.id)).toEqual(['twstrs', 'tsui']);
    expect(outcomeMeasures('chronic_migraine').map((s) => s.id)).toEqual(['headache_days', 'midas', 'hit6']);
    expect(SCALES.map((s) => s.id)).toEqual(expect.arrayContaining(['bsdi', 'wcrs', 'hit6', 'gas', 'omdq25', 'cgi_i', 'pgi_i']));
  });

  it('plot ordinal grades in order, "1+" between 1 and 2', () => {
    const mas = getScale('mas');
    expect(['0', '1', '1+', '2', '3', '4'].map((g) => scoreNumber(mas, g))).toEqual([0, 1, 1.5, 2, 3, 4]);
    expect(scoreNumber(mas, '5')).toBeNull();
    expect(scoreNumber(getScale('twstrs'), '31.5')).toBe(31.5);
    expect(scoreNumber(getScale('twstrs'), '')).toBeNull();
  });
});
