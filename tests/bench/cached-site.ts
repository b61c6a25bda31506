// The service path of site:add (electron/services/sites.ts addSite) step by step, with every statement
// taken from electron/db/statements.ts instead of prepared per call: the same reads, checks, insert and
// trigger-written audit row, so the difference to addSite is the cost of db.prepare() alone.
import type Database from 'better-sqlite3';
import { statement } from '../../electron/db/statements.ts';
import type { ServiceContext } from '../../electron/services/context.ts';
import { getMuscle, hasView } from '../../shared/atlas/index.ts';
import type { SiteAddInput } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';

const SESSION = `SELECT s.*,
    (SELECT count(*) FROM sites t WHERE t.session_id = s.id) AS site_count,
    (SELECT coalesce(sum(round(t.units * 100)), 0) FROM sites t WHERE t.session_id = s.id) AS total_centiunits,
    (SELECT group_concat(a.id) FROM (SELECT id FROM sessions WHERE amends_session_id = s.id ORDER BY created_at) a) AS amended_by
  FROM sessions s WHERE s.id = ?`;
const COLUMNS = 'id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, guidance, note, created_at, updated_at';

/** requireDraft needs the status only; the session SELECT above also counts and sums every site of the session. */
const STATUS = 'SELECT status, other_indications, guidance FROM sessions WHERE id = ?';

/** `light`: requireDraft reads the status alone instead of the full session summary. */
export function addSiteCached(ctx: ServiceContext, input: SiteAddInput, light = false): unknown {
  if (!hasView(input.viewId, input.viewVersion)) throw new AppError('BAD_INPUT', `Unknown diagram ${input.viewId}`);
  const muscle = getMuscle(input.muscleId);
  if ((muscle.sideMode === 'midline') !== (input.side === 'midline')) throw new AppError('BAD_INPUT', 'side does not fit');
  const at = ctx.now().toISOString();
  const id = ctx.newId();
  const db = ctx.db;
  return db.transaction(() => {
    const session = statement<[string], { status: string; other_indications: string; guidance: string }>(db, light ? STATUS : SESSION).get(input.sessionId);
    if (!session) throw new AppError('NOT_FOUND', `Session ${input.sessionId} was not found`);
    // The repository parses these on every read; kept so the work matches.
    JSON.parse(session.other_indications);
    JSON.parse(session.guidance);
    if (session.status !== 'draft') throw new AppError('SIGNED', 'signed');
    if (statement<[string]>(db, `SELECT ${COLUMNS} FROM sites WHERE id = ?`).get(id)) throw new AppError('CONFLICT', 'exists');
    const next = statement<[string], { next: number }>(db, 'SELECT coalesce(max(seq), 0) + 1 AS next FROM sites WHERE session_id = ?').get(input.sessionId);
    return statement(db, `INSERT INTO sites (${COLUMNS}) VALUES (${Array(14).fill('?').join(', ')}) RETURNING ${COLUMNS}`).get(
      id, input.sessionId, next?.next ?? 1, input.viewId, input.viewVersion, input.x, input.y, input.muscleId, input.side, input.units,
      input.guidance ?? 'none', input.note ?? '', at, at,
    );
  })();
}

/** How many times fn calls db.prepare(). */
export function prepareCount(db: Database.Database, fn: () => unknown): number {
  const original = db.prepare.bind(db);
  let n = 0;
  db.prepare = ((sql: string) => {
    n += 1;
    return original(sql);
  }) as typeof db.prepare;
  try {
    fn();
  } finally {
    Reflect.deleteProperty(db, 'prepare'); // back to the prototype's method
  }
  return n;
}
