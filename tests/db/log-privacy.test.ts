import fs from 'node:fs';
import path from 'node:path';
import log from 'electron-log/node';
import { startBackend } from '../../electron/backend.ts';
import { configureLog, errorLogger, redactPaths } from '../../electron/logging.ts';
import type { Patient, SessionDetail } from '../../shared/domain/types.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

const NAME = { familyName: 'Okafor', givenName: 'Adaeze' };
const MRN = 'E2E-0042';

describe('the log file', () => {
  it('after charting, signing and failed exports named after the patient, holds errors but no name and no MRN', async () => {
    const dir = tempDir('toxinmap-log-');
    const outside = tempDir('toxinmap-exports-');
    const file = path.join(dir, 'logs', 'main.log');
    configureLog(log, { file, keepPaths: [dir, path.resolve('.')], console: false });
    // Exports chosen the way a clinician would name them: after the patient.
    const exportTargets = [
      path.join(outside, `${NAME.familyName} ${NAME.givenName} ${MRN}.json`),
      path.join(outside, `missing folder ${MRN}`, `${NAME.familyName}.json`),
    ];
    const backend = await startBackend({
      dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', logError: errorLogger(log),
      chooseExportFile: () => Promise.resolve(exportTargets.shift() ?? null),
    });
    const call = async <T,>(channel: string, input: unknown): Promise<T> => {
      const r = await backend.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as T;
    };
    try {
      await call('clinician:add', signingClinician());
      const patient = await call<Patient>('patient:create', { mrn: MRN, ...NAME, birthDate: '1968-04-02', notes: `${NAME.givenName} prefers mornings` });
      const session = await call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-01-05', indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
      await call('site:add', { sessionId: session.id, viewId: 'face_front', viewVersion: 1, x: 400, y: 200, muscleId: 'frontalis', side: 'left', units: 5 });
      await call('vial:add', { sessionId: session.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C1234', expiry: '2027-01-31', diluentMl: 2 });
      await backend.dispatch('session:sign', { id: session.id, passphrase: SIGNING_PASSPHRASE });
      // Refused requests carrying the identifiers (a taken MRN, a bad date) are answered, not logged.
      await backend.dispatch('patient:create', { mrn: MRN, ...NAME, birthDate: '1968-04-02' });
      await backend.dispatch('patient:update', { id: patient.id, familyName: NAME.familyName, birthDate: '2099-01-01' });
      await call('data:export', {});
      const failed = await backend.dispatch('data:export', {});
      expect(failed.ok).toBe(false);
      // The shell's own messages go through the same logger.
      errorLogger(log)('restore at start', new Error(`restored from '${path.join(outside, `${NAME.familyName}-backup.sqlite`)}'`));
    } finally {
      backend.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const text = fs.readFileSync(file, 'utf8');
    // Something was logged (the failed export and the restore), so the scan below means something.
    expect(text).toMatch(/data:export/);
    expect(text).toMatch(/restore at start/);
    expect(text).toContain('<path>');
    for (const secret of [NAME.familyName, NAME.givenName, MRN]) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    removeDir(dir);
    removeDir(outside);
  });
});

describe('paths in log lines', () => {
  const keep = ['/home/dana/.config/ToxinMap', '/opt/ToxinMap'];
  it('keep the app folders, and hide any other, quoted with spaces or bare, POSIX or Windows', () => {
    expect(redactPaths('at /opt/ToxinMap/resources/app.asar/main.cjs:12:5', keep)).toBe('at /opt/ToxinMap/resources/app.asar/main.cjs:12:5');
    expect(redactPaths("open '/home/dana/Documents/Okafor Adaeze.json.partial'", keep)).toBe("open '<path>'");
    expect(redactPaths('wrote /media/usb/Okafor.json today', keep)).toBe('wrote <path> today');
    expect(redactPaths('C:\\Users\\dana\\Desktop\\E2E-0042.json missing', keep)).toBe('<path> missing');
    expect(redactPaths('"\\\\server\\share\\Okafor Adaeze"', keep)).toBe('"<path>"');
    expect(redactPaths('backup in /home/dana/.config/ToxinMap/backups/manual-1.sqlite', keep)).toBe('backup in /home/dana/.config/ToxinMap/backups/manual-1.sqlite');
    expect(redactPaths('/home/dana/.config/ToxinMapOther/x', keep)).toBe('<path>');
  });
});
