/**
 * The clinical reference (resources/reference/clinical-reference.json, a copy of the team's file).
 * Every clinical fact the app uses comes from here, with its source ids; `from_memory` facts are
 * carried through so the UI can mark them unverified.
 */
import raw from '../../resources/reference/clinical-reference.json' with { type: 'json' };

export interface SourceRef {
  sources: readonly string[];
  /** True when the reference marks the fact as recalled, not checked against a source. */
  fromMemory: boolean;
}

export const reference = raw;

export function isFromMemory(entry: { sources?: readonly string[]; from_memory?: boolean }): boolean {
  return entry.from_memory === true || (entry.sources ?? []).includes('MEM');
}

export function sourceRef(entry: { sources?: readonly string[]; from_memory?: boolean }): SourceRef {
  return { sources: entry.sources ?? [], fromMemory: isFromMemory(entry) };
}

export function sourceTitle(id: string): string | null {
  const found = (raw.sources as ReadonlyArray<{ id: string; title: string }>).find((s) => s.id === id);
  return found ? found.title : null;
}
