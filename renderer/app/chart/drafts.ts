/**
 * What is typed but not yet saved on a chart, kept in the window's storage so a reload, a crash of the renderer or
 * a closed window loses none of it: the site being placed (with its units), a units or note edit still in its
 * field, the session notes being written, and the diagram on screen. The chart offers it back when it opens;
 * nothing here is ever saved to the record without the clinician asking.
 */
import type { PendingSite } from '../../editor/tool.ts';

export interface PendingDraft {
  pending: PendingSite;
  viewId: string;
}

export interface FieldDraft {
  /** 'units' and 'siteNote' are about one site; 'sessionNotes' about the session. */
  kind: 'units' | 'siteNote' | 'sessionNotes';
  siteId: string | null;
  text: string;
}

export interface ChartDraft {
  viewId?: string;
  pending?: PendingDraft | null;
  fields?: Record<string, FieldDraft>;
}

const key = (sessionId: string) => `toxinmap.chart.${sessionId}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function loadDraft(sessionId: string): ChartDraft {
  const text = storage()?.getItem(key(sessionId));
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as ChartDraft) : {};
  } catch {
    return {};
  }
}

function write(sessionId: string, draft: ChartDraft): void {
  const s = storage();
  if (!s) return;
  try {
    const empty = !draft.viewId && !draft.pending && Object.keys(draft.fields ?? {}).length === 0;
    if (empty) s.removeItem(key(sessionId));
    else s.setItem(key(sessionId), JSON.stringify(draft));
  } catch {
    // A full or disabled storage only loses the offer to restore; the record itself is in the database.
  }
}

export function saveView(sessionId: string, viewId: string): void {
  write(sessionId, { ...loadDraft(sessionId), viewId });
}

export function savePending(sessionId: string, pending: PendingDraft | null): void {
  write(sessionId, { ...loadDraft(sessionId), pending });
}

export const fieldKey = (kind: FieldDraft['kind'], siteId: string | null) => `${kind}:${siteId ?? 'session'}`;

/** Keeps (or, with null text, forgets) what is typed in a field, until it is saved or discarded. */
export function saveField(sessionId: string, field: Omit<FieldDraft, 'text'> & { text: string | null }): void {
  const draft = loadDraft(sessionId);
  const fields = { ...(draft.fields ?? {}) };
  const k = fieldKey(field.kind, field.siteId);
  if (field.text === null) delete fields[k];
  else fields[k] = { kind: field.kind, siteId: field.siteId, text: field.text };
  write(sessionId, { ...draft, fields });
}

export function fieldDraft(sessionId: string, kind: FieldDraft['kind'], siteId: string | null): string | null {
  return loadDraft(sessionId).fields?.[fieldKey(kind, siteId)]?.text ?? null;
}

export function forgetDraft(sessionId: string): void {
  storage()?.removeItem(key(sessionId));
}
