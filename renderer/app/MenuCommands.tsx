// What the application menu's commands do in the page (shared/ipc/events.ts), and the keys that open
// the shortcuts panel. A screen that owns a command registers it with useMenuCommand (the chart header
// owns Print Summary); what no screen owns is done here, navigating first where needed.
import { useEffect, useState } from 'react';
import type { MenuCommand } from '../../shared/ipc/events.ts';
import { errorMessage } from '../api.ts';
import type { Nav, Route } from './App.tsx';
import { queueMenuCommand, runMenuCommand, useAppEvent } from './app-events.ts';
import { useClient } from './client-context.tsx';
import { backupNotice } from './settings/backup-notice.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';

function isTextField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(el.type);
}

/**
 * Edit → Undo and Redo: in a text field, the field's own undo; elsewhere the same as pressing the keys,
 * which the chart listens to (its site history), unless a screen registered the command itself.
 */
function editCommand(command: 'undo' | 'redo'): void {
  const focused = document.activeElement;
  if (isTextField(focused)) {
    document.execCommand(command);
    return;
  }
  if (runMenuCommand(command)) return;
  const mac = /Mac/i.test(navigator.platform);
  const init: KeyboardEventInit = { key: command === 'undo' ? 'z' : 'y', bubbles: true, cancelable: true, ctrlKey: !mac, metaKey: mac };
  (focused ?? document.body).dispatchEvent(new KeyboardEvent('keydown', init));
}

export function MenuCommands({ nav, route }: { nav: Nav; route: Route }) {
  const client = useClient();
  const [showShortcuts, setShowShortcuts] = useState(false);

  async function task(what: string, action: () => Promise<string | null>) {
    try {
      const message = await action();
      if (message) nav.notify({ kind: 'info', message });
    } catch (err) {
      nav.notify({ kind: 'error', message: `${what}: ${errorMessage(err)}` });
    }
  }

  function onCommand(command: MenuCommand): void {
    switch (command) {
      case 'show-shortcuts':
        setShowShortcuts(true);
        return;
      case 'undo':
      case 'redo':
        editCommand(command);
        return;
      default:
        break;
    }
    if (runMenuCommand(command)) return;
    switch (command) {
      case 'new-patient':
      case 'find-patient':
        queueMenuCommand(command);
        nav.go({ screen: 'patients' });
        return;
      case 'new-session':
        nav.notify({ kind: 'info', message: 'Open a patient first: the new session is started from their record.' });
        if (route.screen !== 'patients') {
          queueMenuCommand('find-patient');
          nav.go({ screen: 'patients' });
        }
        return;
      case 'print-summary':
        nav.notify({ kind: 'info', message: 'Open a session to print its summary.' });
        return;
      case 'open-settings':
        nav.go({ screen: 'settings' });
        return;
      case 'restore-backup':
        queueMenuCommand('restore-backup');
        nav.go({ screen: 'settings' });
        return;
      // In Settings → Data and backups: the export offers the encrypted archive and warns about the plain file
      // first; the import asks there for an encrypted archive's passphrase.
      case 'export-data':
      case 'import-data':
        queueMenuCommand(command);
        nav.go({ screen: 'settings' });
        return;
      case 'backup-now':
        void task('Backup', async () => {
          const notice = backupNotice(await client.backup.now({}));
          if (notice.kind === 'error') nav.notify(notice);
          return notice.kind === 'info' ? notice.message : null;
        });
        return;
    }
  }

  useAppEvent('menu:command', ({ command }) => onCommand(command));

  // F1 anywhere, or ? outside a text field, opens the panel (in Electron the menu's F1 does it too).
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'F1' || (e.key === '?' && !isTextField(document.activeElement))) {
        e.preventDefault();
        setShowShortcuts(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return showShortcuts ? <ShortcutsDialog onClose={() => setShowShortcuts(false)} /> : null;
}
