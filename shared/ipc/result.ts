/** Errors cross the process boundary as data, never as thrown exceptions. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'SIGNED',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'DATABASE',
  'INTERNAL',
  /** The record is encrypted and not unlocked yet (electron/vault/gate.ts). */
  'LOCKED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** Thrown inside services; the dispatcher turns it into an error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export function assertNever(value: never, where: string): never {
  throw new Error(`${where}: unhandled case ${JSON.stringify(value)}`);
}
