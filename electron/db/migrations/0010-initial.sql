-- First schema: patients, treatment sessions and their injection sites.
-- Ids are UUIDs made by the app so records can be exported, imported and amended without renumbering.

CREATE TABLE patients (
  id          TEXT PRIMARY KEY NOT NULL,
  mrn         TEXT NOT NULL UNIQUE,
  family_name TEXT NOT NULL,
  given_name  TEXT NOT NULL,
  birth_date  TEXT NOT NULL,            -- YYYY-MM-DD
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  id          TEXT PRIMARY KEY NOT NULL,
  patient_id  TEXT NOT NULL REFERENCES patients(id),
  date        TEXT NOT NULL,            -- YYYY-MM-DD, the day of treatment
  indication  TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX sessions_by_patient ON sessions(patient_id, date);

CREATE TABLE sites (
  id              TEXT PRIMARY KEY NOT NULL,
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
  updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX sites_by_session ON sites(session_id, seq);
