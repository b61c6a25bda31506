// Clinician accounts of one practice database. One account is current: it charts, signs and authors every
// change (ctx.actor follows it). Signing and amending need the signing account's passphrase
// (passphrase-gate.ts); changing an account's profile or passphrase, or choosing it as the current one,
// needs its passphrase when it has one; deactivating or reactivating another account needs the current
// account's. An account is never deleted: the database refuses it once a session names it.
// The signature stores the account (signer_id) and the name as it was (signed_by): renaming an account
// later never changes a past signature.
import type { Clinician, ClinicianAccount } from '../../shared/domain/types.ts';
import type { ClinicianAddInput, ClinicianSaveInput } from '../../shared/ipc/inputs.ts';
import { AppError } from '../../shared/ipc/result.ts';
import * as repo from '../db/clinicians.ts';
import { hashPassphrase } from '../trust/passphrase.ts';
import type { ServiceContext } from './context.ts';
import { checkPassphrase, type GateOptions } from './passphrase-gate.ts';

/** The current account, authenticated by its passphrase for `gate.what`. Throws when there is none. */
export function authenticateCurrent(ctx: ServiceContext, passphrase: string | undefined, gate: GateOptions): Clinician {
  const account = repo.getCurrentClinician(ctx.db);
  if (!account) throw new AppError('BAD_INPUT', `Set up a clinician account (name and credentials) before you ${gate.what}.`);
  checkPassphrase(ctx, account, passphrase, gate);
  return account;
}

function accountById(ctx: ServiceContext, id: string): Clinician {
  const account = repo.getClinician(ctx.db, id);
  if (!account) throw new AppError('NOT_FOUND', `Clinician account ${id.slice(0, 64)} not found`);
  return account;
}

/** Runs a write whose audit rows the account `author` writes (it becomes or stays the actor); undone on failure. */
function authoredBy<T>(ctx: ServiceContext, author: string | null, write: () => T): T {
  const previous = ctx.actor.name;
  if (author !== null) ctx.actor.name = author;
  try {
    return ctx.db.transaction(write)();
  } catch (err) {
    ctx.actor.name = previous;
    throw err;
  }
}

/** Two accounts may not share a display name: a signature would not say whose it is. */
function refuseSameName(ctx: ServiceContext, name: string, credentials: string, exceptId: string | null): void {
  const wanted = repo.displayName({ name, credentials }).normalize('NFC').toLocaleLowerCase();
  const other = repo.listClinicians(ctx.db).find((c) => c.id !== exceptId && repo.displayName(c).normalize('NFC').toLocaleLowerCase() === wanted);
  if (other) throw new AppError('CONFLICT', `An account named ${repo.displayName(other)} already exists${other.deactivatedAt ? ' (deactivated)' : ''}. Choose another name or add a distinguishing detail.`);
}

export function getCurrent(ctx: ServiceContext): Clinician | null {
  return repo.getCurrentClinician(ctx.db);
}

export function listAccounts(ctx: ServiceContext): ClinicianAccount[] {
  return repo.listClinicians(ctx.db);
}

/** Adds an account, with its passphrase when given. The first account of a database becomes the current one. */
export function addAccount(ctx: ServiceContext, input: ClinicianAddInput): Clinician {
  // Checked before the passphrase is hashed (0.1 s), and again in the transaction.
  refuseSameName(ctx, input.name, input.credentials ?? '', null);
  const hash = input.passphrase === undefined ? null : hashPassphrase(input.passphrase);
  const at = ctx.now().toISOString();
  const account: Clinician = {
    id: ctx.newId(),
    name: input.name,
    credentials: input.credentials ?? '',
    defaultProductId: input.defaultProductId ?? null,
    defaultGuidance: input.defaultGuidance ?? 'none',
    createdAt: at,
    updatedAt: at,
  };
  const first = repo.getCurrentClinician(ctx.db) === null;
  authoredBy(ctx, first ? repo.displayName(account) : null, () => {
    refuseSameName(ctx, account.name, account.credentials, null);
    repo.insertClinician(ctx.db, account, first);
    if (hash !== null) repo.setPassphraseHash(ctx.db, account.id, hash, at);
  });
  return accountById(ctx, account.id);
}

/**
 * Saves an account's profile (the current one when no id is given; with no account yet, the first one is
 * made). A rename changes no past signature: sessions keep the name they were signed with.
 */
export function saveAccount(ctx: ServiceContext, input: ClinicianSaveInput): Clinician {
  const before = input.id ? accountById(ctx, input.id) : repo.getCurrentClinician(ctx.db);
  if (!before) {
    const { passphrase: _unused, id: _none, ...fields } = input;
    return addAccount(ctx, fields);
  }
  // The profile names the signer: with a passphrase set, changing it is an authenticated change.
  checkPassphrase(ctx, before, input.passphrase, { what: 'change this clinician profile', need: 'if-set' });
  const next: Clinician = {
    ...before,
    name: input.name,
    credentials: input.credentials ?? before.credentials,
    defaultProductId: input.defaultProductId === undefined ? before.defaultProductId : input.defaultProductId,
    defaultGuidance: input.defaultGuidance ?? before.defaultGuidance,
    updatedAt: ctx.now().toISOString(),
  };
  // The current account's new name authors its own audit row.
  authoredBy(ctx, before.isCurrent ? repo.displayName(next) : null, () => {
    refuseSameName(ctx, next.name, next.credentials, before.id);
    repo.updateClinician(ctx.db, next);
  });
  return accountById(ctx, before.id);
}

/** Makes an account the current one (it charts, signs and authors changes from now on). */
export function activateAccount(ctx: ServiceContext, input: { id: string; passphrase?: string | undefined }): Clinician {
  const account = accountById(ctx, input.id);
  if (account.isCurrent) return account;
  if (account.deactivatedAt) throw new AppError('BAD_INPUT', `The account of ${repo.displayName(account)} is deactivated; reactivate it first.`);
  checkPassphrase(ctx, account, input.passphrase, { what: 'chart and sign as this account', need: 'if-set' });
  authoredBy(ctx, repo.displayName(account), () => repo.makeCurrent(ctx.db, account.id, ctx.now().toISOString()));
  return accountById(ctx, account.id);
}

/**
 * Deactivates (or reactivates) another account: it can no longer sign nor be chosen, and keeps every past
 * signature. The current account authorises it with its passphrase when it has one.
 */
export function setAccountDeactivated(ctx: ServiceContext, input: { id: string; deactivated: boolean; passphrase?: string | undefined }): Clinician {
  const account = accountById(ctx, input.id);
  const what = input.deactivated ? 'deactivate an account' : 'reactivate an account';
  if (account.isCurrent && input.deactivated) {
    throw new AppError('BAD_INPUT', `${repo.displayName(account)} is the current account; choose another account before deactivating this one.`);
  }
  if (Boolean(account.deactivatedAt) === input.deactivated) return account;
  authenticateCurrent(ctx, input.passphrase, { what, need: 'if-set' });
  const at = ctx.now().toISOString();
  authoredBy(ctx, null, () => repo.setDeactivated(ctx.db, account.id, input.deactivated ? at : null, at));
  return accountById(ctx, account.id);
}

/** Sets or changes an account's passphrase (the current account's when no id is given); changing needs the old one. */
export function setPassphrase(ctx: ServiceContext, input: { id?: string | undefined; current?: string | undefined; passphrase: string }): Clinician {
  const account = input.id ? accountById(ctx, input.id) : repo.getCurrentClinician(ctx.db);
  if (!account) throw new AppError('BAD_INPUT', 'Set up your clinician profile (name and credentials) before choosing a passphrase.');
  checkPassphrase(ctx, account, input.current, { what: 'change the passphrase', need: 'if-set' });
  const hash = hashPassphrase(input.passphrase);
  ctx.db.transaction(() => repo.setPassphraseHash(ctx.db, account.id, hash, ctx.now().toISOString()))();
  return accountById(ctx, account.id);
}
