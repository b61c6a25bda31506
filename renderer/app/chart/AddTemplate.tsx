import { useEffect, useState } from 'react';
import { hasView } from '../../../shared/atlas/index.ts';
import type { Template } from '../../../shared/domain/types.ts';
import type { IndicationId } from '../../../shared/indications.ts';
import type { Client } from '../../api.ts';

/**
 * Adds the sites of a template (a built-in protocol or the clinician's own) to the open session, in one step that
 * one undo takes back. For a session started empty, or a second indication treated at the same visit.
 */
export function AddTemplate({ client, indications, busy, onAdd }: {
  client: Client;
  indications: readonly IndicationId[];
  busy: boolean;
  onAdd: (template: Template) => void;
}) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    let live = true;
    void Promise.all(indications.map((indication) => client.template.list({ indication }))).then((lists) => {
      // Only templates whose diagrams this version of the app still draws.
      if (live) setTemplates(lists.flat().filter((t) => t.sites.every((s) => hasView(s.viewId, s.viewVersion))));
    });
    return () => {
      live = false;
    };
  }, [client, indications]);
  if (templates.length === 0) return null;
  const template = templates.find((t) => t.id === chosen);
  return (
    <div className="add-template mini-form">
      <label className="wide">
        Add the sites of a template
        <select value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="add-template">
          <option value="">Choose…</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>{t.builtin ? 'Protocol: ' : 'My template: '}{t.name}</option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!template || busy} onClick={() => template && onAdd(template)} data-testid="add-template-sites">
        {template ? `Add ${template.sites.length} sites` : 'Add'}
      </button>
    </div>
  );
}
