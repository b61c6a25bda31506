import { AppError } from '../../shared/ipc/result.ts';

/** A single-row write must change exactly one row; anything else is a bug or a lost race. */
export function expectOneChange(result: { changes: number }, what: string): void {
  if (result.changes !== 1) throw new AppError('NOT_FOUND', `${what}: expected to change one row, changed ${result.changes}`);
}

export function found<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new AppError('NOT_FOUND', `${what} was not found`);
  return row;
}
