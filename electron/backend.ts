import path from 'node:path';
import type { AppInfo } from '../shared/domain/types.ts';
import { openDatabase } from './db/open.ts';
import { createDispatcher, type Dispatch, type DispatchOptions } from './dispatch.ts';
import { UNKNOWN_ACTOR, type ServiceContext } from './services/context.ts';
import { currentClinicianName } from './db/clinicians.ts';
import { createHandlers, type MaintenanceHandlers } from './services/index.ts';
import { AppError } from '../shared/ipc/result.ts';

export interface BackendOptions {
  dataDirectory: string;
  migrationsDir: string;
  appVersion: string;
  nativeBinding?: string;
  now?: () => Date;
  newId?: () => string;
  logError?: DispatchOptions['logError'];
}

export interface Backend {
  ctx: ServiceContext;
  readonly db: ServiceContext['db'];
  dispatch: Dispatch;
  info: AppInfo;
  close: () => void;
}

export const DATABASE_FILE_NAME = 'toxinmap.sqlite';

const notYet = (what: string) => () => {
  throw new AppError('INTERNAL', `${what} is not available yet`);
};

/**
 * Everything main runs besides the window: the database, the services and the dispatcher.
 * Plain Node, so the end-to-end tests start exactly this with a temp folder.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const file = path.join(options.dataDirectory, DATABASE_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const actor = { name: UNKNOWN_ACTOR };
  const opened = await openDatabase({
    file,
    migrationsDir: options.migrationsDir,
    backupDir: path.join(options.dataDirectory, 'backups'),
    now,
    auditAuthor: () => actor.name,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const ctx: ServiceContext = {
    db: opened.db,
    now,
    newId: options.newId ?? (() => crypto.randomUUID()),
    actor,
    audit: opened.audit,
  };
  actor.name = currentClinicianName(ctx.db) ?? UNKNOWN_ACTOR;
  const info: AppInfo = {
    version: options.appVersion,
    dataDirectory: options.dataDirectory,
    databaseFile: file,
    schemaVersion: opened.schemaVersion,
  };
  const maintenance: MaintenanceHandlers = {
    'app:health': notYet('The health check'),
    'backup:now': notYet('Backup'),
    'backup:list': notYet('Backup'),
    'backup:restore': notYet('Restore'),
    'data:export': notYet('Export'),
    'data:import': notYet('Import'),
  };
  const dispatch = createDispatcher(createHandlers(ctx, () => info, maintenance), {
    ...(options.logError ? { logError: options.logError } : {}),
  });
  return {
    ctx,
    get db() {
      return ctx.db;
    },
    dispatch,
    info,
    close: () => ctx.db.close(),
  };
}
