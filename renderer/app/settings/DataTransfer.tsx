// The full export and import of Settings → Data and backups. The export offers the encrypted archive first
// and says plainly, before anything is written, that the plain JSON file is not encrypted and holds every
// patient; the import asks for an archive's passphrase when the chosen file turns out to be one.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Nav } from '../App.tsx';
import { useMenuCommand } from '../app-events.ts';
import { useClient } from '../client-context.tsx';
import { useAction } from '../session/useAsync.ts';
import { MIN_ARCHIVE_PASSPHRASE } from '../../../shared/domain/passphrase-rules.ts';
import { importedMessage } from './import-message.ts';
import { TaskProgress } from './TaskProgress.tsx';
import './data-transfer.css';

/** As data:export checks it (shared/ipc/contract.ts). */

type Kind = 'encrypted' | 'json';

interface Props {
  nav: Nav;
  /** After an import filled the database (the panel reads its figures again). */
  onImported: () => Promise<void>;
  /** Buttons shown before Export and Import in the same row (Back up now). */
  children?: ReactNode;
}

export function DataTransfer({ nav, onImported, children }: Props) {
  const client = useClient();
  const { busy, error, run, clearError } = useAction();
  const [panel, setPanel] = useState<'none' | 'export' | 'import'>('none');
  const [importFile, setImportFile] = useState<string | null>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);

  // Back to the button that opened the form, so the keyboard carries on from there: at once after Cancel,
  // or when the button is enabled again after an export or import.
  const refocus = useRef<'export' | 'import' | null>(null);
  const focusBack = () => {
    const button = (refocus.current === 'export' ? exportButton : importButton).current;
    if (!refocus.current || !button || button.disabled) return;
    button.focus();
    refocus.current = null;
  };
  useEffect(focusBack, [busy]);

  function close(focus: 'export' | 'import') {
    setPanel('none');
    setImportFile(null);
    clearError();
    refocus.current = focus;
    setTimeout(focusBack, 0);
  }

  async function startImport() {
    setPanel('none');
    const r = await client.data.import({});
    if (r.needsPassphrase) {
      setImportFile(r.file);
      setPanel('import');
    } else if (r.file) {
      nav.notify({ kind: 'info', message: importedMessage(r, '') });
      await onImported();
    }
  }

  // File → Export Everything… and Import…: here, so the export's choice and warning come first.
  useMenuCommand('export-data', () => {
    clearError();
    setPanel('export');
  });
  useMenuCommand('import-data', () => void run(startImport));

  return (
    <>
      <div className="form-actions left">
        {children}
        <button
          type="button" ref={exportButton} disabled={busy} aria-expanded={panel === 'export'} data-testid="export-everything"
          onClick={() => { clearError(); setPanel(panel === 'export' ? 'none' : 'export'); }}
        >
          Export everything…
        </button>
        <button type="button" ref={importButton} disabled={busy} onClick={() => void run(startImport)} data-testid="import-everything">
          Import into an empty database…
        </button>
      </div>
      {panel === 'export' && (
        <ExportForm
          busy={busy}
          error={error}
          onCancel={() => close('export')}
          onExport={(passphrase) =>
            run(async () => {
              const r = await client.data.export(passphrase ? { passphrase } : {});
              if (!r.file) return false;
              const verification = r.problems > 0
                ? ` The record's verification has ${r.problems} finding${r.problems === 1 ? '' : 's'} (see Data and backups): the export carries the record as it is now.`
                : '';
              nav.notify({
                kind: r.problems > 0 ? 'error' : 'info',
                message: passphrase
                  ? `Encrypted archive written to ${r.file}. Keep its passphrase safe: without it the archive cannot be opened.${verification}`
                  : `Plain (not encrypted) export written to ${r.file}. Delete it when it is no longer needed.${verification}`,
              });
              close('export');
              return true;
            })
          }
        />
      )}
      {panel === 'import' && importFile && (
        <ImportPassphraseForm
          file={importFile}
          busy={busy}
          error={error}
          onCancel={() => close('import')}
          onImport={(passphrase) =>
            run(async () => {
              const r = await client.data.import({ passphrase });
              if (r.file && !r.needsPassphrase) {
                nav.notify({ kind: 'info', message: importedMessage(r, ' from the encrypted archive') });
                close('import');
                await onImported();
              }
            })
          }
        />
      )}
      <TaskProgress active={busy} />
      {error && panel === 'none' && <p className="form-error" role="alert" data-testid="data-transfer-error">{error}</p>}
    </>
  );
}

interface FormProps {
  busy: boolean;
  /** The last answer's error (the dialog, the disk, a refused passphrase), shown in the form. */
  error: string | null;
  onCancel: () => void;
}

function ExportForm({ busy, error, onCancel, onExport }: FormProps & { onExport: (passphrase: string | null) => Promise<boolean | undefined> }) {
  const [kind, setKind] = useState<Kind>('encrypted');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    if (kind === 'encrypted') {
      if (passphrase.trim().length < MIN_ARCHIVE_PASSPHRASE) return setProblem(`The passphrase needs at least ${MIN_ARCHIVE_PASSPHRASE} characters (besides spaces).`);
      if (repeat !== passphrase) return setProblem('The two passphrases are not the same. Type it again in both fields.');
    } else if (!understood) {
      return setProblem('Tick the box to confirm you understand the file is not encrypted, or choose the encrypted archive.');
    }
    void onExport(kind === 'encrypted' ? passphrase : null).then((done) => {
      if (done) {
        setPassphrase('');
        setRepeat('');
      }
    });
  }

  return (
    <form className="data-transfer" aria-label="Export everything" onSubmit={submit} onKeyDown={escapeCloses(onCancel)} data-testid="export-form">
      <h3>Export everything</h3>
      <p className="hint">One file with every patient, session and injection site, to move the records to another computer or keep them outside the app.</p>
      <div className="theme-choices" role="radiogroup" aria-label="How the file is protected">
        <label className={`theme-choice${kind === 'encrypted' ? ' chosen' : ''}`}>
          <input ref={first} type="radio" name="export-kind" checked={kind === 'encrypted'} onChange={() => setKind('encrypted')} data-testid="export-kind-encrypted" />
          <span className="theme-choice-text">
            <strong>Encrypted archive (recommended)</strong>
            <span className="muted small-inline">Protected by a passphrase you choose: without it, the file cannot be read.</span>
          </span>
        </label>
        <label className={`theme-choice${kind === 'json' ? ' chosen' : ''}`}>
          <input type="radio" name="export-kind" checked={kind === 'json'} onChange={() => setKind('json')} data-testid="export-kind-json" />
          <span className="theme-choice-text">
            <strong>Plain JSON file, not encrypted</strong>
            <span className="muted small-inline">Readable by any program, for reading the records with other tools.</span>
          </span>
        </label>
      </div>
      {kind === 'encrypted' ? (
        <div className="data-transfer-fields">
          <label>
            Passphrase
            <input type="password" autoComplete="new-password" maxLength={200} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="export-passphrase" />
          </label>
          <label>
            Passphrase again
            <input type="password" autoComplete="new-password" maxLength={200} value={repeat} onChange={(e) => setRepeat(e.target.value)} data-testid="export-passphrase-repeat" />
          </label>
          <p className="hint wide-row">
            At least {MIN_ARCHIVE_PASSPHRASE} characters; a few unrelated words are easy to type and hard to guess. Write it down and keep it apart from the
            file: nobody, not even support, can open the archive without it.
          </p>
        </div>
      ) : (
        <div className="plain-warning" role="note" data-testid="plain-export-warning">
          <p>
            <strong>This file is NOT encrypted.</strong> It holds every patient&rsquo;s name, MRN, date of birth and treatment in readable text.
            Anyone who gets a copy (on a USB stick, in an email, in a shared or cloud folder) can read all of it.
          </p>
          <label className="toggle">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="plain-export-understood" />
            I understand: anyone with this file can read every patient&rsquo;s record.
          </label>
        </div>
      )}
      {(problem ?? error) && <p className="form-error" role="alert" data-testid="data-transfer-error">{problem ?? error}</p>}
      <div className="form-actions left">
        {/* The recommended choice is the prominent button; the plain file's is an ordinary one. */}
        <button type="submit" className={kind === 'encrypted' ? 'primary' : undefined} disabled={busy} data-testid="export-submit">
          {kind === 'encrypted' ? 'Export encrypted archive…' : 'Export plain file…'}
        </button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function ImportPassphraseForm({ file, busy, error, onCancel, onImport }: FormProps & { file: string; onImport: (passphrase: string) => Promise<unknown> }) {
  const [passphrase, setPassphrase] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const name = file.split(/[\\/]/).pop() ?? file;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (passphrase.length === 0) return;
    // After a wrong passphrase the field keeps it, selected, ready to be typed over.
    void onImport(passphrase).finally(() => field.current?.select());
  }

  return (
    <form className="data-transfer" aria-label="Open the encrypted archive" onSubmit={submit} onKeyDown={escapeCloses(onCancel)} data-testid="import-passphrase-form">
      <h3>Open the encrypted archive</h3>
      <p className="hint">
        <span className="mono">{name}</span> is an encrypted ToxinMap archive. Enter the passphrase it was exported with.
      </p>
      <div className="inline-form">
        <label>
          Archive passphrase
          <input
            ref={field} type="password" autoComplete="off" maxLength={200} value={passphrase} onChange={(e) => setPassphrase(e.target.value)}
            aria-invalid={error ? true : undefined} aria-describedby={error ? 'import-passphrase-error' : undefined} data-testid="import-passphrase"
          />
        </label>
      </div>
      {error && <p className="form-error" role="alert" id="import-passphrase-error" data-testid="data-transfer-error">{error}</p>}
      <div className="form-actions left">
        <button type="submit" className="primary" disabled={busy || passphrase.length === 0} data-testid="import-submit">Import</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function escapeCloses(onCancel: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
}
