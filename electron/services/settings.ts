// Settings: read with defaults for keys never saved, saved key by key (only what changed, so the audit
// log shows one row per real change), all in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_SETTINGS, SETTING_SCHEMAS, SETTINGS_KEYS, type Settings, type SettingsKey, type SettingsPatch,
} from '../../shared/domain/settings.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { listSettingRows, upsertSetting } from '../db/settings.ts';
import type { ServiceContext } from './context.ts';

export interface SettingsHooks {
  /** Told after every save that changed something (the shell applies the theme, the backups their folder). */
  onSettingsChanged?: (settings: Settings) => void;
  /** Asks the user for a folder (a dialog in the shell). Null: cancelled. */
  chooseBackupFolder?: () => Promise<string | null>;
  logError?: (where: string, err: unknown) => void;
}

function isKey(key: string): key is SettingsKey {
  return (SETTINGS_KEYS as string[]).includes(key);
}

/**
 * Every setting: the stored value where one was saved, the default otherwise. A stored value that no
 * longer passes its schema (written by hand, or by a build that allowed more) reads as the default and
 * is logged; it is never thrown at the screen that only wanted a theme.
 */
export function getSettings(ctx: ServiceContext, logError?: SettingsHooks['logError']): Settings {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS) as Settings;
  for (const row of listSettingRows(ctx.db)) {
    if (!isKey(row.key)) continue;
    let parsed: { success: boolean; data?: unknown };
    try {
      parsed = SETTING_SCHEMAS[row.key].safeParse(JSON.parse(row.value));
    } catch {
      parsed = { success: false };
    }
    if (parsed.success) (settings as unknown as Record<string, unknown>)[row.key] = parsed.data;
    else logError?.('settings:get', new Error(`stored setting '${row.key}' is not valid; its default is used`));
  }
  return settings;
}

/** JSON with object keys sorted, so {a,b} and {b,a} compare equal and no audit row records a non-change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function write(ctx: ServiceContext, patch: Partial<Settings>, logError?: SettingsHooks['logError']): { settings: Settings; changed: boolean } {
  return ctx.db.transaction(() => {
    const current = getSettings(ctx, logError);
    const at = ctx.now().toISOString();
    let changed = false;
    for (const key of SETTINGS_KEYS) {
      if (!(key in patch) || patch[key] === undefined) continue;
      const next = canonical(patch[key]);
      if (next === canonical(current[key])) continue;
      upsertSetting(ctx.db, key, next, at);
      (current as unknown as Record<string, unknown>)[key] = JSON.parse(next);
      changed = true;
    }
    return { settings: current, changed };
  })();
}

export function saveSettings(ctx: ServiceContext, patch: SettingsPatch, hooks: SettingsHooks = {}): Settings {
  const { settings, changed } = write(ctx, patch, hooks.logError);
  if (changed) notify(settings, hooks);
  return settings;
}

function notify(settings: Settings, hooks: SettingsHooks): void {
  try {
    hooks.onSettingsChanged?.(settings);
  } catch (err) {
    // The settings are saved; a shell that failed to apply them must not turn that into an error.
    hooks.logError?.('settings:changed', err);
  }
}

/** The folder must exist and take a file; checked by writing and removing a probe file. */
export function checkWritableFolder(folder: string): void {
  if (!path.isAbsolute(folder)) throw new AppError('BAD_INPUT', 'The backup folder must be a full path.');
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw new AppError('NOT_FOUND', `The folder ${folder} does not exist or is not a folder. Nothing was changed.`);
  const probe = path.join(folder, `.toxinmap-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch (err) {
    throw new AppError('FORBIDDEN', `ToxinMap cannot write to ${folder} (${(err as NodeJS.ErrnoException).code ?? 'error'}). Choose another folder; nothing was changed.`);
  }
}

/** Asks for a folder with the shell's dialog, checks that a backup can be written there, and saves it. */
export async function chooseBackupFolder(ctx: ServiceContext, hooks: SettingsHooks): Promise<Settings> {
  const folder = hooks.chooseBackupFolder ? await hooks.chooseBackupFolder() : null;
  if (folder === null) return getSettings(ctx, hooks.logError);
  checkWritableFolder(folder);
  const { settings, changed } = write(ctx, { backupFolder: path.resolve(folder) }, hooks.logError);
  if (changed) notify(settings, hooks);
  return settings;
}
