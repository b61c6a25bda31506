-- Sites stored clustered by session: the table becomes WITHOUT ROWID with the primary key
-- (session_id, seq, id), so a session's sites lie together in charting order. The timeline of a
-- patient with a hundred sessions reads about two pages per session instead of one row lookup per
-- site; a session's count and total read the same few pages; a new site writes two b-tree pages
-- (its row and the id index) instead of three (row, id index, session index).
-- Same columns in the same order, same checks and defaults (the seal reads the declared defaults, so
-- every existing seal stays valid); the id stays unique (sites_by_id). The table's triggers (signed
-- guards, REPLACE guards, audit) are kept as they stand: their text is set aside here, before the old
-- table is renamed (which would rewrite it), and re-created unchanged by the step of this migration
-- (electron/db/migration-steps.ts). The rebuild itself writes no audit rows (a copy, not a change).

CREATE TEMP TABLE migration_0110_triggers AS
  SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sites';

ALTER TABLE sites RENAME TO sites_before_0110;

CREATE TABLE sites (
  id              TEXT NOT NULL,
  session_id      TEXT NOT NULL REFERENCES sessions(id),
  seq             INTEGER NOT NULL CHECK (seq >= 1),
  diagram_id      TEXT NOT NULL,
  diagram_version INTEGER NOT NULL CHECK (diagram_version >= 1),
  x               REAL NOT NULL,        -- in the diagram's own coordinates, never pixels
  y               REAL NOT NULL,
  muscle_id       TEXT NOT NULL,        -- stored, not recomputed: old maps read as charted
  side            TEXT NOT NULL CHECK (side IN ('left', 'right', 'midline')),
  units           REAL NOT NULL CHECK (units > 0),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  guidance        TEXT NOT NULL DEFAULT 'none' CHECK (guidance IN ('none', 'emg', 'estim', 'ultrasound')),
  note            TEXT NOT NULL DEFAULT '',
  location        TEXT CHECK (location IS NULL OR length(location) BETWEEN 1 AND 80),
  copied_from     TEXT,
  PRIMARY KEY (session_id, seq, id)
) STRICT, WITHOUT ROWID;

INSERT INTO sites
  (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at, guidance, note, location, copied_from)
SELECT id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at, guidance, note, location, copied_from
FROM sites_before_0110 ORDER BY session_id, seq, id;

DROP TABLE sites_before_0110;
CREATE UNIQUE INDEX sites_by_id ON sites(id);
