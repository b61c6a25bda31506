import type { DataImportResult } from '../../../shared/ipc/inputs.ts';

/** The notice after an import; sites of signed sessions kept off their muscle are told, never hidden. */
export function importedMessage(r: DataImportResult, from: string): string {
  const off = r.signedSitesOffMuscle ?? 0;
  const told = off > 0 ? `. ${off} ${off === 1 ? 'site' : 'sites'} of signed sessions ${off === 1 ? 'lies' : 'lie'} off the muscle ${off === 1 ? 'it names' : 'they name'}; kept as signed` : '';
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return `Imported ${count(r.patients, 'patient')} and ${count(r.sessions, 'session')}${from}${told}`;
}
