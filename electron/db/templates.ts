import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { Template, TemplateSite } from '../../shared/domain/types.ts';
import type { Side } from '../../shared/atlas/types.ts';
import type { IndicationId } from '../../shared/indications.ts';

interface TemplateRow {
  id: string;
  name: string;
  indication: string;
  builtin: number;
  created_at: string;
  updated_at: string;
}

interface TemplateSiteRow {
  id: string;
  seq: number;
  diagram_id: string;
  diagram_version: number;
  x: number;
  y: number;
  muscle_id: string;
  side: string;
  units: number;
  note: string;
}

function templateSites(db: Database.Database, templateId: string): TemplateSite[] {
  return statement<[string], TemplateSiteRow>(db, 'SELECT * FROM template_sites WHERE template_id = ? ORDER BY seq')
    .all(templateId)
    .map((r) => ({
      id: r.id,
      seq: r.seq,
      viewId: r.diagram_id,
      viewVersion: r.diagram_version,
      x: r.x,
      y: r.y,
      muscleId: r.muscle_id,
      side: r.side as Side,
      units: r.units,
      note: r.note,
    }));
}

function toTemplate(db: Database.Database, r: TemplateRow): Template {
  return {
    id: r.id,
    name: r.name,
    indication: r.indication as IndicationId,
    builtin: r.builtin === 1,
    sites: templateSites(db, r.id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listTemplates(db: Database.Database, indication?: IndicationId): Template[] {
  const rows = indication
    ? statement<[string], TemplateRow>(db, 'SELECT * FROM templates WHERE indication = ? ORDER BY builtin DESC, name').all(indication)
    : statement<[], TemplateRow>(db, 'SELECT * FROM templates ORDER BY builtin DESC, name').all();
  return rows.map((r) => toTemplate(db, r));
}

export function getTemplate(db: Database.Database, id: string): Template | undefined {
  const row = statement<[string], TemplateRow>(db, 'SELECT * FROM templates WHERE id = ?').get(id);
  return row && toTemplate(db, row);
}

export function insertTemplate(db: Database.Database, t: Template): void {
  statement(db, 'INSERT INTO templates (id, name, indication, builtin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    t.id, t.name, t.indication, t.builtin ? 1 : 0, t.createdAt, t.updatedAt,
  );
  const insert = statement(db, 
    `INSERT INTO template_sites (id, template_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of t.sites) insert.run(s.id, t.id, s.seq, s.viewId, s.viewVersion, s.x, s.y, s.muscleId, s.side, s.units, s.note);
}

export function renameTemplate(db: Database.Database, id: string, name: string, at: string): void {
  statement(db, 'UPDATE templates SET name = ?, updated_at = ? WHERE id = ?').run(name, at, id);
}

export function deleteTemplate(db: Database.Database, id: string): void {
  statement(db, 'DELETE FROM template_sites WHERE template_id = ?').run(id);
  statement(db, 'DELETE FROM templates WHERE id = ?').run(id);
}
