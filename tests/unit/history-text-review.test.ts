import type { AuditEntry } from '../../shared/domain/types.ts';
import { describeAuditEntry } from '../../renderer/app/session/history-text.ts';

const name = (id: string) => ({ biceps_brachii: 'Biceps brachii' })[id] ?? id;
const entry = (e: Partial<AuditEntry>): AuditEntry => ({ id: 1, at: 't', author: 'Dr A', action: 'insert', entity: 'x', entityId: 'x', before: null, after: null, ...e });

describe('session history lines for the follow-up of a treatment', () => {
  it('name the visit, its scores, its adverse events and the grades per muscle in clinical words', () => {
    expect(describeAuditEntry(entry({ entity: 'follow_up_visits', after: { date: '2026-10-06' } }), name)).toBe('Follow-up visit recorded, 2026-10-06');
    expect(describeAuditEntry(entry({ entity: 'follow_up_scores', after: { scale_id: 'cgi_i', value: '2' } }), name)).toBe('Follow-up score: CGI-I, clinician (recalled) 2');
    expect(
      describeAuditEntry(entry({ entity: 'follow_up_adverse_events', after: { description: 'dysphagia', severity: 'mild', serious: 1, relatedness: 'not_related' } }), name),
    ).toBe('Adverse event at follow-up: dysphagia (mild, serious, not related)');
    expect(describeAuditEntry(entry({ entity: 'muscle_scores', after: { scale_id: 'mas', muscle_id: 'biceps_brachii', side: 'left', value: '1+' } }), name)).toBe(
      'Grade recorded: Modified Ashworth Biceps brachii left 1+',
    );
    expect(describeAuditEntry(entry({ entity: 'muscle_scores', action: 'delete', before: { scale_id: 'mas' } }), name)).toBe('Muscle grade removed');
  });
});
