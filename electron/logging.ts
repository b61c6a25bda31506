// The main-process log: one rotating file in the user-data folder (logs/main.log, 1 MB, one archive as
// main.old.log), written with electron-log. Plain Node: the shell passes electron-log's main logger, the
// tests its node logger, both configured here the same way.
//
// No patient data in any line. What reaches the log is technical: where an unexpected error happened and
// its stack. Input values are never logged (the dispatcher logs errors, not requests), and the one kind
// of text that can carry a name or an MRN, a path the user chose (an export named after a patient, a
// folder on a share), is replaced by <path> unless it lies inside the app's own folders.
import type ElectronLog from 'electron-log';

export const LOG_MAX_BYTES = 1024 * 1024;

type AnyLogger = ElectronLog.NodeLogger | ElectronLog.MainLogger;

export interface LogOptions {
  /** The log file (userData/logs/main.log). */
  file: string;
  /** Folders whose paths may appear in the log: the app's install folder and its data folder. */
  keepPaths: readonly string[];
  /** Also print to the terminal (an unpackaged run). */
  console: boolean;
}

const QUOTED_PATH = /(['"`])((?:[A-Za-z]:[\\/]|\\\\|\/)[^'"`\n]*)\1/g;
const BARE_PATH = /(^|[\s(=:,])((?:[A-Za-z]:[\\/]|\\\\|\/)[^\s'"`(),]+)/g;

function isKept(candidate: string, keepPaths: readonly string[]): boolean {
  const norm = candidate.replaceAll('\\', '/');
  return keepPaths.some((k) => {
    const root = k.replaceAll('\\', '/').replace(/\/+$/, '');
    return root !== '' && (norm === root || norm.startsWith(`${root}/`));
  });
}

/** Replaces every absolute path outside keepPaths with <path> (quoted paths whole, spaces and all). */
export function redactPaths(text: string, keepPaths: readonly string[]): string {
  return text
    .replace(QUOTED_PATH, (whole, quote: string, p: string) => (isKept(p, keepPaths) ? whole : `${quote}<path>${quote}`))
    .replace(BARE_PATH, (whole, before: string, p: string) => (p === '<path>' || isKept(p, keepPaths) ? whole : `${before}<path>`));
}

function redactValue(value: unknown, keepPaths: readonly string[]): unknown {
  if (typeof value === 'string') return redactPaths(value, keepPaths);
  if (value instanceof Error) {
    const text = value.stack ?? `${value.name}: ${value.message}`;
    return redactPaths(text, keepPaths);
  }
  if (value === null || typeof value !== 'object') return value;
  // Objects are written as JSON by the file transport: redact that text instead.
  try {
    return redactPaths(JSON.stringify(value), keepPaths);
  } catch {
    return '[unserialisable value]';
  }
}

export function configureLog(log: AnyLogger, options: LogOptions): void {
  log.transports.file.resolvePathFn = () => options.file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  log.transports.file.format = '[{y}-{m}-{d}T{h}:{i}:{s}.{ms}{z}] [{level}] {text}';
  log.transports.console.level = options.console ? 'info' : false;
  log.hooks.push((message) => ({ ...message, data: message.data.map((d) => redactValue(d, options.keepPaths)) }));
}

/** `logError(where, err)` as the backend and the shell call it. */
export function errorLogger(log: AnyLogger): (where: string, err: unknown) => void {
  return (where, err) => log.error(`${where}:`, err instanceof Error ? err : String(err));
}
