/**
 * The record with the given changes applied; a field left undefined keeps its value, while null is a
 * real change (it clears the field). This is how every partial update of the contract is read.
 */
export function withChanges<T extends object>(before: T, changes: { [K in keyof T]?: T[K] | undefined }): T {
  const next = { ...before };
  for (const key of Object.keys(changes) as Array<keyof T>) {
    const value = changes[key];
    if (value !== undefined) next[key] = value as T[keyof T];
  }
  return next;
}
