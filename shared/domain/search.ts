/** Lower-case, accents removed: "Ångström" and "angstrom" find each other. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Upper bound of an index range holding every string that starts with `prefix`. */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\uffff`;
}

export function searchTokens(query: string): string[] {
  return normaliseForSearch(query).split(/[\s,]+/).filter(Boolean);
}
