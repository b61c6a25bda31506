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

/** Follows a dotted path ("protocols.upper_limb_spasticity.xeomin_label") into the reference; undefined when it leads nowhere. */
export function referenceAt(path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), raw);
}

/**
 * A dose as the reference's tables write it ("60-200", "5-10 each", 75, "12.5-50"): its numbers, and whether
 * the dose is per muscle of a listed group ("each", or a per-lumbrical/per-muscle basis note). Null without a number.
 */
export function readDoseText(value: string | number | undefined, basisNote?: string): { text: string; numbers: number[]; each: boolean } | null {
  if (value === undefined) return null;
  const text = String(value);
  const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  if (numbers.length === 0) return null;
  return { text, numbers, each: /\beach\b|per (lumbrical|interosse|muscle|fascicle)/i.test(`${text} ${basisNote ?? ''}`) };
}
