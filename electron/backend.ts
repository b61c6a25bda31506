import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AppInfo } from '../shared/domain/types.ts';
import { openDatabase } from './db/open.ts';
import { createDispatcher, type Dispatch, type DispatchOptions } from './dispatch.ts';
import { defaultContext, type ServiceContext } from './services/context.ts';
import { createHandlers } from './services/index.ts';

export interface BackendOptions {
  dataDirectory: string;
  migrationsDir: string;
  appVersion: string;
  nativeBinding?: string;
  /** Replace the clock or id source (tests). */
  context?: Partial<Omit<ServiceContext, 'db'>>;
  logError?: DispatchOptions['logError'];
}

export interface Backend {
  db: Database.Database;
  dispatch: Dispatch;
  info: AppInfo;
  close: () => void;
}

export const DATABASE_FILE_NAME = 'toxinmap.sqlite';

/**
 * Everything main runs besides the window: the database, the services and the dispatcher.
 * Plain Node, so the end-to-end tests start exactly this with a temp folder.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const file = path.join(options.dataDirectory, DATABASE_FILE_NAME);
  const opened = await openDatabase({
    file,
    migrationsDir: options.migrationsDir,
    backupDir: path.join(options.dataDirectory, 'backups'),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const ctx: ServiceContext = { ...defaultContext(opened.db), ...options.context };
  const info: AppInfo = {
    version: options.appVersion,
    dataDirectory: options.dataDirectory,
    databaseFile: file,
    schemaVersion: opened.schemaVersion,
  };
  const dispatch = createDispatcher(createHandlers(ctx, () => info), {
    ...(options.logError ? { logError: options.logError } : {}),
  });
  return { db: opened.db, dispatch, info, close: () => opened.db.close() };
}
