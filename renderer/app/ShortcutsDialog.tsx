import { Fragment, useEffect, useRef } from 'react';
import { actionText, keyLabel, SHORTCUT_GROUPS } from './shortcuts.ts';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <Fragment key={`${k}-${i}`}>
          {i > 0 && <span className="key-plus">+</span>}
          <kbd>{keyLabel(k, isMac)}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/** The keyboard shortcuts panel: a modal dialog, closed with Esc, the Close button or a click outside. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-dialog"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) ref.current?.close();
      }}
    >
      <div className="shortcuts-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" autoFocus onClick={() => ref.current?.close()} data-testid="shortcuts-close">
          Close
        </button>
      </div>
      <div className="shortcuts-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3>{group.title}</h3>
            <table className="shortcuts">
              <tbody>
                {group.shortcuts.map((s) => (
                  <tr key={s.action}>
                    <td className="shortcut-keys">
                      <Keys keys={s.keys} />
                      {s.or && (
                        <span className="keys-or">
                          <span className="muted small-inline">or </span>
                          <Keys keys={s.or} />
                        </span>
                      )}
                    </td>
                    <td>{actionText(s, isMac)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </dialog>
  );
}
