import { useEffect, useState, type FormEvent } from 'react';
import type { Template } from '../../../shared/domain/types.ts';
import type { IndicationId } from '../../../shared/indications.ts';
import { useClient } from '../client-context.tsx';
import { useAction } from './useAsync.ts';

/**
 * The clinician's own templates for this indication: renamed in place, or deleted after a confirmation. Sessions
 * started from a template keep their own copy of it, so deleting one changes no record.
 */
export function OwnTemplates({ indication, refreshKey }: { indication: IndicationId; refreshKey: unknown }) {
  const client = useClient();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void client.template.list({ indication }).then((all) => live && setTemplates(all.filter((t) => !t.builtin)));
    return () => {
      live = false;
    };
  }, [client, indication, refreshKey, tick]);
  if (templates.length === 0) return null;
  return (
    <div className="own-templates" data-testid="own-templates">
      <h4>My templates</h4>
      <ul className="plain">
        {templates.map((t) => (
          <OwnTemplate key={`${t.id}:${t.name}`} template={t} onChanged={() => setTick((n) => n + 1)} />
        ))}
      </ul>
    </div>
  );
}

function OwnTemplate({ template, onChanged }: { template: Template; onChanged: () => void }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [mode, setMode] = useState<'show' | 'rename' | 'delete'>('show');
  const [name, setName] = useState(template.name);
  async function rename(e: FormEvent) {
    e.preventDefault();
    if (await run(() => client.template.rename({ id: template.id, name }))) onChanged();
  }
  async function remove() {
    if (await run(() => client.template.delete({ id: template.id }))) onChanged();
  }
  return (
    <li className="row-item own-template">
      {mode === 'rename' ? (
        <form className="inline-form" onSubmit={(e) => void rename(e)} aria-label={`Rename ${template.name}`}>
          <input value={name} maxLength={120} required autoFocus onChange={(e) => setName(e.target.value)} aria-label="New name" />
          <button type="submit" disabled={busy}>Save</button>
          <button type="button" onClick={() => setMode('show')}>Cancel</button>
        </form>
      ) : mode === 'delete' ? (
        <span role="alert">
          Delete “{template.name}”? Sessions started from it keep their copy.{' '}
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>Delete</button>{' '}
          <button type="button" onClick={() => setMode('show')}>Keep</button>
        </span>
      ) : (
        <>
          <span>{template.name} <span className="muted small">· {template.sites.length} sites</span></span>
          <span className="toolgroup">
            <button type="button" onClick={() => setMode('rename')} aria-label={`Rename ${template.name}`}>Rename</button>
            <button type="button" className="danger" onClick={() => setMode('delete')} aria-label={`Delete ${template.name}`}>Delete</button>
          </span>
        </>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </li>
  );
}
