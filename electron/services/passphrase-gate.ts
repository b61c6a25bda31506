// The gate every authenticated action passes: the account's passphrase (scrypt, electron/trust/passphrase.ts),
// checked outside any transaction (about 0.1 s). A wrong one changes nothing, is refused plainly, counts
// towards a growing wait (shared/domain/passphrase-attempts.ts) and is written to the audit log, naming
// the account, the action and the session, never what was typed.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Clinician } from '../../shared/domain/types.ts';
import { formatWait, waitAfterFailures } from '../../shared/domain/passphrase-attempts.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { displayName, getPassphraseHash } from '../db/clinicians.ts';
import { verifyPassphrase } from '../trust/passphrase.ts';
import type { ServiceContext } from './context.ts';

interface Failures {
  count: number;
  /** ms since the epoch (ctx.now) of the last wrong passphrase. */
  lastAt: number;
}

/**
 * Consecutive wrong passphrases per account, per open database (a restore starts afresh). Kept in memory:
 * a restart of the app clears the wait, while every refusal stays in the audit log.
 */
const failuresByDb = new WeakMap<Database.Database, Map<string, Failures>>();

function failuresOf(ctx: ServiceContext): Map<string, Failures> {
  let map = failuresByDb.get(ctx.db);
  if (!map) {
    map = new Map();
    failuresByDb.set(ctx.db, map);
  }
  return map;
}

/** Seconds the account still has to wait before its passphrase is checked again (0: none). */
export function remainingWait(ctx: ServiceContext, accountId: string): number {
  const f = failuresOf(ctx).get(accountId);
  if (!f) return 0;
  const until = f.lastAt + waitAfterFailures(f.count) * 1000;
  return Math.max(0, (until - ctx.now().getTime()) / 1000);
}

export interface GateOptions {
  /** What the passphrase allows, as the refusal says it: "sign", "amend a signed session", … */
  what: string;
  /** 'required': the account must have a passphrase (signing, amending); 'if-set': only when it has one. */
  need: 'required' | 'if-set';
  /** The session concerned, named in the audit entry of a refusal. */
  sessionId?: string | undefined;
}

/** Passes when `passphrase` is the account's; throws FORBIDDEN with a sentence the clinician can act on. */
export function checkPassphrase(ctx: ServiceContext, account: Clinician, passphrase: string | undefined, opts: GateOptions): void {
  const who = displayName(account);
  if (account.deactivatedAt) {
    throw new AppError('FORBIDDEN', `The account of ${who} is deactivated: it cannot ${opts.what}. Nothing was changed.`);
  }
  const hash = getPassphraseHash(ctx.db, account.id);
  if (hash === null) {
    if (opts.need === 'if-set') return;
    throw new AppError('FORBIDDEN', `${who} has no passphrase yet, and an account without one cannot ${opts.what}. Set a passphrase first. Nothing was changed.`);
  }
  const wait = remainingWait(ctx, account.id);
  if (wait > 0) {
    throw new AppError('FORBIDDEN', `Too many wrong passphrases for ${who}: wait ${formatWait(wait)} before trying again. Nothing was changed.`);
  }
  if (passphrase === undefined || passphrase === '') throw new AppError('FORBIDDEN', `Enter the passphrase of ${who} to ${opts.what}.`);
  if (verifyPassphrase(passphrase, hash)) {
    failuresOf(ctx).delete(account.id);
    return;
  }
  const map = failuresOf(ctx);
  const count = (map.get(account.id)?.count ?? 0) + 1;
  map.set(account.id, { count, lastAt: ctx.now().getTime() });
  const next = waitAfterFailures(count);
  auditRefusal(ctx, account, { what: opts.what, sessionId: opts.sessionId, failures: count, waitSeconds: next });
  throw new AppError(
    'FORBIDDEN',
    `The passphrase is not right; nothing was changed. ${next > 0 ? `${count} wrong tries: wait ${formatWait(next)} before the next.` : `Try again to ${opts.what}.`}`,
  );
}

/** One audit entry per wrong passphrase: the account, the action, the session and the count. Never the text typed. */
function auditRefusal(ctx: ServiceContext, account: Clinician, r: { what: string; sessionId: string | undefined; failures: number; waitSeconds: number }): void {
  if (!ctx.audit.enabled) return;
  const after = JSON.stringify({
    account_id: account.id, account: displayName(account), action: r.what, outcome: 'refused: wrong passphrase',
    consecutive_failures: r.failures, wait_seconds: r.waitSeconds,
  });
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        "INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id) VALUES (audit_now(), audit_author(), 'insert', 'passphrase_refusals', ?, NULL, ?, ?)",
      )
      .run(account.id, after, r.sessionId ?? null);
  })();
}
