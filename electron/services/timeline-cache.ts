// The parts of signed sessions (sites, vials, scores, adverse events, patterns, origin) kept per
// connection once read: a signed session never changes (database guards, seal), so the review of a
// patient's hundred sessions reads only what is new or still a draft. Keyed by the connection (a restore
// or an import swaps it, and with it the cache); at most LIMIT sessions, least recently used dropped first.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SessionDetail } from '../../shared/domain/types.ts';

export type SessionParts = Pick<SessionDetail, 'patterns' | 'copiedFromSessionId' | 'sites' | 'vials' | 'scores' | 'adverseEvents'>;

const LIMIT = 3000;
const caches = new WeakMap<Database.Database, Map<string, SessionParts>>();

function cacheOf(db: Database.Database): Map<string, SessionParts> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

export function cachedSignedParts(db: Database.Database, sessionId: string): SessionParts | undefined {
  const cache = cacheOf(db);
  const parts = cache.get(sessionId);
  if (parts) {
    cache.delete(sessionId); // most recently used last
    cache.set(sessionId, parts);
  }
  return parts;
}

export function keepSignedParts(db: Database.Database, sessionId: string, parts: SessionParts): void {
  const cache = cacheOf(db);
  cache.set(sessionId, parts);
  while (cache.size > LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

/** Fresh arrays over the kept rows, so no caller can change what is kept. */
export function copyParts(p: SessionParts): SessionParts {
  return {
    ...(p.patterns ? { patterns: [...p.patterns] } : {}),
    ...(p.copiedFromSessionId !== undefined ? { copiedFromSessionId: p.copiedFromSessionId } : {}),
    sites: [...p.sites],
    vials: [...p.vials],
    scores: [...p.scores],
    adverseEvents: [...p.adverseEvents],
  };
}
