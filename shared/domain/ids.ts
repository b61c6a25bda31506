// Ids of new rows: time-ordered UUIDs (RFC 9562 version 7), made in main and in the renderer alike.
//
// A random (version 4) id lands on a random leaf of every index that holds it: the sites' primary key and the
// audit log's index by entity, which on a 10-year record are hundreds of megabytes. Each write then dirtied a
// leaf the page cache rarely held, and every checkpoint copied thousands of scattered pages back into the
// database file (about 25 ms inside the write that ran it, measured on the benchmark record). A time-ordered
// id is appended at the right edge of those indexes, where the pages are already in memory.
// The id carries its creation time to the millisecond; the row it names stores that time anyway.
import { v7 } from 'uuid';

export const newId = (): string => v7();
