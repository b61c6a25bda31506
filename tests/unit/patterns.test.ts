import reference from '../../resources/reference/clinical-reference.json';
import raw from '../../resources/reference/patterns.json';
import { getMuscle, getView, hasMuscle, viewsForIndication } from '../../shared/atlas/index.ts';
import { referenceAt } from '../../shared/clinical/reference.ts';
import {
  allPatterns, doseHints, doseTables, familiesFor, findPattern, PATTERN_FAMILIES, prefillUnits, proposeMuscles,
} from '../../shared/clinical/patterns.ts';

const SOURCE_IDS = new Set(reference.sources.map((s) => s.id));

describe('injection patterns (resources/reference/patterns.json)', () => {
  it('name only muscles of the catalogue that are injection targets, with a side that fits them', () => {
    for (const p of allPatterns()) {
      for (const m of p.muscles) {
        expect(hasMuscle(m.muscleId), `${p.id}: ${m.muscleId}`).toBe(true);
        const muscle = getMuscle(m.muscleId);
        expect(muscle.injectionTarget, `${p.id}: ${m.muscleId}`).toBe(true);
        expect(m.side === 'midline', `${p.id}: ${m.muscleId} side ${m.side}`).toBe(muscle.sideMode === 'midline');
      }
    }
  });

  it('cite only source ids of the reference, and say so when the muscle set is recalled', () => {
    for (const p of allPatterns()) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const s of [...p.sources, ...p.formSources]) expect(SOURCE_IDS.has(s), `${p.id}: ${s}`).toBe(true);
      expect(p.fromMemory, p.id).toBe(p.sources.includes('MEM'));
    }
    for (const t of doseTables()) for (const s of t.sources) expect(SOURCE_IDS.has(s), `${t.id}: ${s}`).toBe(true);
  });

  it('take the classic cervical dystonia and oromandibular muscle sets from the reference, with its sources', () => {
    type RefPattern = { pattern: string; muscle_ids: string[]; sources: string[] };
    const refPatterns = reference.protocols.cervical_dystonia.patterns as RefPattern[];
    for (const p of allPatterns().filter((x) => x.familyId === 'cd_classic')) {
      const name = /pattern=([^\]]+)/.exec(p.ref ?? '')?.[1];
      const source = refPatterns.find((r) => r.pattern === name);
      if (!source) throw new Error(`${p.id}: no reference pattern '${String(name)}'`);
      expect(new Set(p.muscles.map((m) => m.muscleId))).toEqual(new Set(source.muscle_ids));
      expect([...p.sources].sort()).toEqual([...source.sources].sort());
      expect(p.text).toBe((reference.protocols.cervical_dystonia.patterns as Array<{ pattern: string; muscles: string }>).find((r) => r.pattern === name)?.muscles);
    }
    const omd = reference.protocols.oromandibular_dystonia;
    expect(new Set(findPattern('omd_jaw_closing')?.muscles.map((m) => m.muscleId))).toEqual(
      new Set([...omd.jaw_closing.primary_muscle_ids, ...omd.jaw_closing.secondary_muscle_ids]),
    );
    expect(new Set(findPattern('omd_jaw_opening')?.muscles.map((m) => m.muscleId))).toEqual(
      new Set([...omd.jaw_opening.primary_muscle_ids, ...omd.jaw_opening.others_muscle_ids]),
    );
    const forms = reference.protocols.cervical_dystonia.col_cap_concept.forms;
    for (const p of allPatterns().filter((x) => x.familyId === 'cd_col_cap')) {
      expect(p.fromMemory, p.id).toBe(true);
      expect(forms.some((f) => p.name.toLowerCase().startsWith(f)), p.name).toBe(true);
    }
  });

  it('point every ref and dose table at a real part of the reference', () => {
    for (const p of allPatterns()) {
      if (!p.ref) continue;
      const path = p.ref.replace(/\[[^\]]*\]/g, '');
      expect(referenceAt(path), `${p.id}: ${p.ref}`).toBeDefined();
    }
    for (const t of doseTables()) expect(Array.isArray(referenceAt(t.path)), t.id).toBe(true);
  });

  it('can place every muscle of a pattern on a diagram of its indication', () => {
    for (const family of PATTERN_FAMILIES) {
      const regions = family.indications.flatMap((i) => viewsForIndication(i)).flatMap((id) => getView(id).regions);
      for (const p of family.patterns) {
        for (const m of proposeMuscles(p, p.direction ? 'left' : null)) {
          expect(regions.some((r) => r.muscleId === m.muscleId && r.side === m.patientSide), `${p.id}: ${m.muscleId} ${m.patientSide}`).toBe(true);
        }
      }
    }
  });

  it('every pattern belongs to one family, and every family offers at least one pattern', () => {
    const families = new Set(raw.families.map((f) => f.id));
    for (const p of allPatterns()) expect(families.has(p.familyId), p.id).toBe(true);
    for (const f of PATTERN_FAMILIES) expect(f.patterns.length, f.id).toBeGreaterThan(0);
    expect(new Set(allPatterns().map((p) => p.id)).size).toBe(allPatterns().length);
  });

  it('turns a direction into the patient sides: torticollis to the right is the left SCM and the right splenius', () => {
    const p = findPattern('cd_rotational_torticollis');
    if (!p) throw new Error('no torticollis pattern');
    const right = proposeMuscles(p, 'right').filter((m) => !m.optional);
    expect(right.map((m) => [m.muscleId, m.patientSide])).toEqual([
      ['sternocleidomastoid', 'left'],
      ['splenius_capitis', 'right'],
      ['obliquus_capitis_inferior', 'right'],
      ['longissimus_capitis', 'right'],
    ]);
    expect(proposeMuscles(p, 'left').find((m) => m.muscleId === 'sternocleidomastoid')?.patientSide).toBe('right');
    expect(() => proposeMuscles(p, null)).toThrow(/direction/);
    const retro = findPattern('cd_retrocollis');
    if (!retro) throw new Error('no retrocollis pattern');
    expect(proposeMuscles(retro, null).filter((m) => m.muscleId === 'splenius_capitis').map((m) => m.patientSide)).toEqual(['right', 'left']);
  });

  it('offers the patterns of every indication the session treats', () => {
    expect(familiesFor(['cervical_dystonia']).map((f) => f.id)).toEqual(['cd_classic', 'cd_col_cap']);
    expect(familiesFor(['upper_limb_spasticity', 'lower_limb_spasticity']).map((f) => f.id)).toEqual(['uls', 'lls']);
    expect(familiesFor(['chronic_migraine'])).toEqual([]);
  });
});

describe('doses proposed with a pattern', () => {
  it('reads the per-muscle tables of the session product and prefills from verified rows only', () => {
    const biceps = doseHints('biceps_brachii', 'onabotulinumtoxinA', ['upper_limb_spasticity']);
    expect(biceps.map((h) => [h.tableId, h.doseText, h.prefill])).toEqual([
      ['onaA_uls_we_move', '75-200', 75],
      ['onaA_uls_label_from_memory', '60-200', null],
    ]);
    expect(biceps[1]?.fromMemory).toBe(true);
    expect(prefillUnits(biceps)).toBe(75);
    // Xeomin cervical dystonia: the trial median for the SCM.
    const scm = doseHints('sternocleidomastoid', 'incobotulinumtoxinA', ['cervical_dystonia']);
    expect(scm.map((h) => [h.kind, h.prefill, [...h.sources]])).toEqual([['median', 25, ['S16', 'S68']]]);
  });

  it('never proposes a dose where the reference has none, nor one meant for several muscles together', () => {
    expect(doseHints('sternocleidomastoid', 'onabotulinumtoxinA', ['cervical_dystonia'])).toEqual([]);
    expect(doseHints('masseter', 'onabotulinumtoxinA', ['oromandibular_dystonia'])).toEqual([]);
    expect(doseHints('biceps_brachii', null, ['upper_limb_spasticity'])).toEqual([]);
    const pectoralis = doseHints('pectoralis_major', 'onabotulinumtoxinA', ['upper_limb_spasticity']);
    expect(pectoralis[0]).toMatchObject({ combined: true, prefill: null, label: 'pectoralis complex' });
    // A splenius/semispinalis median is for both muscles together.
    expect(prefillUnits(doseHints('splenius_capitis', 'incobotulinumtoxinA', ['cervical_dystonia']))).toBeNull();
    // "5-10 each": a per-muscle dose even though the row lists several muscles.
    expect(doseHints('lumbrical_2', 'onabotulinumtoxinA', ['upper_limb_spasticity'])[0]).toMatchObject({ combined: false, prefill: 5 });
  });
});
