// Runs Electronegativity on the main-process sources and fails on any finding above LOW severity that
// electronegativity.json does not document as not applicable. The checks that download Electron's
// release list (version and security-fix checks) are off: they need the network, and the Electron
// version is pinned in package.json and reviewed when it changes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const output = '.cache/electronegativity.csv';
fs.mkdirSync('.cache', { recursive: true });
const electron = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version;

function runReport() {
  fs.rmSync(output, { force: true });
  execFileSync(
    'npx',
    ['electronegativity', '-i', 'electron', '-r', '-e', electron, '-x', 'AvailableSecurityFixesGlobalCheck,ElectronVersionJSONCheck', '-o', output],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (!fs.existsSync(output)) {
    console.error('electronegativity: no report was written');
    process.exit(1);
  }
  return fs.readFileSync(output, 'utf8');
}

/**
 * Electronegativity now and then writes a report whose first row is cut short (the start of the row is
 * overwritten). A row that does not start with a check name is such a cut: the report is made again, at most
 * three times, and a report that stays cut fails the run rather than hiding a finding.
 */
const wellFormed = (text) => text.split(/\r?\n/).slice(1).filter((l) => l.trim() !== '').every((l) => /^[A-Z][A-Z0-9_]+,"[A-Z]+",/.test(l));
let report = runReport();
for (let attempt = 1; attempt < 3 && !wellFormed(report); attempt++) report = runReport();
if (!wellFormed(report)) {
  console.error('electronegativity: the report has rows that cannot be read, three times in a row');
  process.exit(1);
}

/** One CSV line into fields (quoted fields may hold commas). */
function fields(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && line[i + 1] === '"' && quoted) {
      cur += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

const [, ...rows] = report.split(/\r?\n/).filter((l) => l.trim() !== '');
const findings = rows.map(fields).map(([check, severity, confidence, file, location, sample]) => ({ check, severity, confidence, file, location, sample }));
const { notApplicable } = JSON.parse(fs.readFileSync('electronegativity.json', 'utf8'));
const documented = (f) => notApplicable.some((n) => n.check === f.check && n.file === f.file);
const aboveLow = findings.filter((f) => !['LOW', 'INFORMATIONAL'].includes(f.severity.toUpperCase()));
const open = aboveLow.filter((f) => !documented(f));
const stale = notApplicable.filter((n) => !aboveLow.some((f) => f.check === n.check && f.file === n.file));

for (const f of findings) {
  const tag = documented(f) ? 'not applicable (documented)' : open.includes(f) ? 'FINDING' : 'low';
  console.log(`${f.severity.padEnd(8)} ${f.check.padEnd(28)} electron/${f.file}:${f.location}  ${tag}`);
}
if (stale.length > 0) console.warn(`documented entries no longer found (remove them from electronegativity.json): ${stale.map((s) => `${s.check} ${s.file}`).join(', ')}`);
if (open.length > 0) {
  console.error(`electronegativity: ${open.length} finding(s) above LOW are neither fixed nor documented in electronegativity.json`);
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), none above LOW undocumented`);
