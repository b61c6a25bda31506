import { describe, expect, it } from 'vitest';
import { importedMessage } from '../../renderer/app/settings/import-message.ts';

describe('the notice after an import', () => {
  it('says what came in', () => {
    expect(importedMessage({ file: 'a.json', patients: 3, sessions: 12 }, '')).toBe('Imported 3 patients and 12 sessions');
    expect(importedMessage({ file: 'a.json', patients: 1, sessions: 1 }, '')).toBe('Imported 1 patient and 1 session');
  });

  it('tells of sites of signed sessions kept off their muscle, one or several', () => {
    expect(importedMessage({ file: 'a.json', patients: 1, sessions: 2, signedSitesOffMuscle: 1 }, ' from the encrypted archive')).toBe(
      'Imported 1 patient and 2 sessions from the encrypted archive. 1 site of signed sessions lies off the muscle it names; kept as signed',
    );
    expect(importedMessage({ file: 'a.json', patients: 1, sessions: 2, signedSitesOffMuscle: 4 }, '')).toBe(
      'Imported 1 patient and 2 sessions. 4 sites of signed sessions lie off the muscle they name; kept as signed',
    );
  });
});
