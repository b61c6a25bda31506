/**
 * A tiny HTML template: every interpolated value is escaped unless it is already Html (built by this
 * template). Patient names, notes and reasons are free text; a `<` in a note must print as a `<`, never
 * become markup in a document that is printed, saved and shown in the app.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`html: cannot print the number ${value}`);
    return String(value);
  }
  return escapeHtml(value as string);
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup that is known to be safe (a constant stylesheet, an SVG built from numbers). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  const kept = parts.filter((p) => p !== null && p !== undefined && p !== false && p !== '');
  return new Html(kept.map(render).join(render(separator)));
}
