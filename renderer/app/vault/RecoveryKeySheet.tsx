import { formatDate, todayIso } from '../format.ts';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import './vault.css';

const PRINTING = 'printing-recovery-key';

/** Prints only the key sheet: the class on <html> hides everything else for the print, until the dialog closes. */
function printSheet(): void {
  const root = document.documentElement;
  root.classList.add(PRINTING);
  const done = () => {
    root.classList.remove(PRINTING);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  try {
    window.print();
  } finally {
    // window.print() returns once the dialog is closed; afterprint may not come everywhere.
    setTimeout(done, 0);
  }
}

function KeyGroups({ recoveryKey, large }: { recoveryKey: string; large?: boolean }) {
  const groups = recoveryKey.split('-');
  return (
    <ol className={`recovery-groups${large ? ' large' : ''}`} aria-label={`Recovery key, ${groups.length} groups of five`}>
      {groups.map((g, i) => (
        <li key={i}>
          <span className="mono recovery-group">{g}</span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The recovery key on screen (large, monospace, group by group) with Print and Copy; the printed sheet
 * (practice, date, the key, where to keep it) lives outside the app's root so that only it is printed.
 */
export function RecoveryKeySheet({ recoveryKey, practice, keyId }: { recoveryKey: string; practice?: string; keyId?: string }) {
  const [copied, setCopied] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied('Copied. Paste it into the practice’s password manager or safe document now; anything copied later replaces it on the clipboard.');
    } catch {
      setCopied('The key could not be copied here. Print it, or write it down group by group.');
    }
  }

  const today = formatDate(todayIso());
  return (
    <div className="recovery-key" data-testid="recovery-key">
      <KeyGroups recoveryKey={recoveryKey} large />
      <div className="form-actions left">
        <button type="button" onClick={printSheet} data-testid="print-recovery-key">Print</button>
        <button type="button" onClick={() => void copy()} data-testid="copy-recovery-key">Copy</button>
      </div>
      <p className="hint small" role="status">{copied ?? ''}</p>
      {createPortal(
        <section className="recovery-print">
          <h1>ToxinMap recovery key</h1>
          <table className="recovery-print-facts">
            <tbody>
              <tr><th>Practice</th><td>{practice?.trim() ? practice : <span className="fill-in" />}</td></tr>
              <tr><th>Printed on</th><td>{today}</td></tr>
              {keyId && <tr><th>Key fingerprint</th><td className="mono">{keyId}</td></tr>}
            </tbody>
          </table>
          <KeyGroups recoveryKey={recoveryKey} large />
          <p className="mono recovery-print-line">{recoveryKey}</p>
          <h2>What it is for</h2>
          <p>
            It opens the practice’s encrypted patient record on a new computer, or on this one when its key store or the
            practice passphrase is lost. Without it and without the key on the computer, nobody can read the record:
            not the practice, not an IT service, not ToxinMap support.
          </p>
          <h2>Where to keep it</h2>
          <ul>
            <li>In a locked place away from the computer: the practice safe, or with the practice’s legal papers.</li>
            <li>Never in the laptop bag, on the computer itself, or in an e-mail.</li>
            <li>Anyone holding this sheet and a copy of the record can read the record: keep it as you keep the keys of the practice.</li>
          </ul>
        </section>,
        document.body,
      )}
    </div>
  );
}
