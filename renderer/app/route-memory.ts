/**
 * The screen the clinician was on, kept across a reload or a restart of the window, so it reopens on the same
 * patient and session instead of the patient list. Only ids are kept; a route that no longer resolves (a discarded
 * draft, a restored backup) falls back to the patient list.
 */
const KEY = 'toxinmap.route';

export function loadRoute<R extends { screen: string }>(valid: (r: unknown) => r is R): R | null {
  try {
    const text = window.localStorage.getItem(KEY);
    if (!text) return null;
    const parsed = JSON.parse(text) as unknown;
    return valid(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveRoute(route: { screen: string }): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(route));
  } catch {
    // Without storage the window reopens on the patient list; nothing of the record is lost.
  }
}

export function forgetRoute(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}

const ID = /^[0-9a-f-]{36}$/i;

/** A stored route the app can open: known screen, ids where the screen needs them. */
export function isStoredRoute(r: unknown): r is { screen: string; patientId?: string; sessionId?: string } {
  if (r === null || typeof r !== 'object') return false;
  const o = r as Record<string, unknown>;
  switch (o.screen) {
    case 'patients':
    case 'atlas':
    case 'settings':
    case 'lots':
      return true;
    case 'patient':
      return typeof o.patientId === 'string' && ID.test(o.patientId);
    case 'chart':
      return typeof o.patientId === 'string' && ID.test(o.patientId) && typeof o.sessionId === 'string' && ID.test(o.sessionId);
    case 'compare':
      return [o.patientId, o.a, o.b].every((id) => typeof id === 'string' && ID.test(id));
    default:
      return false;
  }
}
