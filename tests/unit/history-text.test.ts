import type { AuditEntry } from '../../shared/domain/types.ts';
import { describeAuditEntry } from '../../renderer/app/session/history-text.ts';

const name = (id: string) => ({ frontalis: 'Frontalis', procerus: 'Procerus' })[id] ?? id;
const entry = (e: Partial<AuditEntry>): AuditEntry => ({ id: 1, at: 't', author: 'Dr A', action: 'update', entity: 'sites', entityId: 'x', before: null, after: null, ...e });
const site = { seq: 3, muscle_id: 'frontalis', side: 'left', units: 5, x: 1, y: 2, guidance: 'none', note: '' };

describe('session history lines', () => {
  it('say what changed on a site, in clinical words', () => {
    expect(describeAuditEntry(entry({ action: 'insert', after: site }), name)).toBe('Site 3 (Frontalis left) placed, 5 U');
    expect(describeAuditEntry(entry({ before: site, after: { ...site, units: 2.5 } }), name)).toBe('Site 3 (Frontalis left): units 5 → 2.5');
    expect(describeAuditEntry(entry({ before: site, after: { ...site, x: 9, muscle_id: 'procerus', side: 'midline' } }), name)).toBe(
      'Site 3 (Procerus midline): muscle Frontalis → Procerus, side left → midline, moved',
    );
    expect(describeAuditEntry(entry({ action: 'delete', before: site }), name)).toBe('Site 3 (Frontalis left) removed');
  });

  it('name signing, scores and other indications plainly', () => {
    const s = { status: 'draft', other_indications: '[]' };
    expect(describeAuditEntry(entry({ entity: 'sessions', before: s, after: { ...s, status: 'signed', signed_by: 'Dr A, MD' } }), name)).toBe('Signed by Dr A, MD');
    expect(describeAuditEntry(entry({ entity: 'sessions', before: s, after: { ...s, other_indications: '["cervical_dystonia"]' } }), name)).toBe(
      'Session: other indications none → Cervical dystonia',
    );
    expect(describeAuditEntry(entry({ entity: 'outcome_scores', action: 'insert', after: { scale_id: 'tsui', value: '7' } }), name)).toBe('Score recorded: Tsui 7');
  });
});

describe('acknowledgements and weight in the history', () => {
  it('say which warning was acknowledged and why, and when one is withdrawn', () => {
    const ack = { finding_kind: 'per_muscle_max', reason: 'tolerated before' };
    expect(describeAuditEntry(entry({ entity: 'finding_acknowledgements', action: 'insert', after: ack }), name)).toBe('Warning acknowledged (per_muscle_max): tolerated before');
    expect(describeAuditEntry(entry({ entity: 'finding_acknowledgements', action: 'delete', before: ack }), name)).toBe('Acknowledgement withdrawn (per_muscle_max)');
    expect(describeAuditEntry(entry({ entity: 'finding_acknowledgements', before: ack, after: { ...ack, reason: 'large neck' } }), name)).toBe('Acknowledgement: reason tolerated before → large neck');
    expect(describeAuditEntry(entry({ entity: 'sessions', before: { weight_kg: null }, after: { weight_kg: 24.5 } }), name)).toBe('Session: weight kg — → 24.5');
  });
});
