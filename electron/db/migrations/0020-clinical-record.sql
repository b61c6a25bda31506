-- The full clinical record (DESIGN.md "The record"): conditions, session details, vials, outcome
-- scores, adverse events, templates, prior authorizations, clinician profile, audit log, signing.
--
-- Two guarantees live in the database itself, so no code path can bypass them:
--   * a signed session and everything under it is frozen (BEFORE triggers raise SIGNED_IMMUTABLE);
--   * every insert, update and delete of clinical data writes an audit row with before/after JSON.
-- The author and clock of audit rows come from app-defined SQL functions audit_author() and
-- audit_now(), registered on every connection by electron/db/open.ts. audit_enabled() is false only
-- while a full export is imported verbatim (its own audit rows come with it).

ALTER TABLE patients ADD COLUMN sex TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'other', 'unknown'));
ALTER TABLE patients ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- Normalised (lower-case, accents removed) copies for index range search at 50,000 patients.
ALTER TABLE patients ADD COLUMN search_family TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN search_given TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN search_mrn TEXT NOT NULL DEFAULT '';
UPDATE patients SET search_family = lower(family_name), search_given = lower(given_name), search_mrn = lower(mrn);
CREATE INDEX patients_by_family ON patients(search_family, search_given);
CREATE INDEX patients_by_given ON patients(search_given);
CREATE INDEX patients_by_mrn ON patients(search_mrn);
CREATE INDEX patients_by_birth_date ON patients(birth_date);

CREATE TABLE patient_conditions (
  id          TEXT PRIMARY KEY NOT NULL,
  patient_id  TEXT NOT NULL REFERENCES patients(id),
  indication  TEXT NOT NULL,
  icd10_code  TEXT NOT NULL,
  side        TEXT NOT NULL DEFAULT 'none' CHECK (side IN ('left', 'right', 'bilateral', 'none')),
  noted_on    TEXT,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX conditions_by_patient ON patient_conditions(patient_id);

CREATE TABLE clinicians (
  id                 TEXT PRIMARY KEY NOT NULL,
  name               TEXT NOT NULL,
  credentials        TEXT NOT NULL DEFAULT '',
  default_product_id TEXT,
  default_guidance   TEXT NOT NULL DEFAULT 'none',
  is_current         INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX one_current_clinician ON clinicians(is_current) WHERE is_current = 1;

ALTER TABLE sessions ADD COLUMN started_at TEXT;
ALTER TABLE sessions ADD COLUMN other_indications TEXT NOT NULL DEFAULT '[]';   -- JSON array of indication ids
ALTER TABLE sessions ADD COLUMN clinician_id TEXT REFERENCES clinicians(id);
ALTER TABLE sessions ADD COLUMN clinician_name TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN product_id TEXT;
ALTER TABLE sessions ADD COLUMN guidance TEXT NOT NULL DEFAULT '[]';            -- JSON array: emg, estim, ultrasound
ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN next_due_date TEXT;
ALTER TABLE sessions ADD COLUMN signed_at TEXT;
ALTER TABLE sessions ADD COLUMN signed_by TEXT;
ALTER TABLE sessions ADD COLUMN amends_session_id TEXT REFERENCES sessions(id);
ALTER TABLE sessions ADD COLUMN amendment_reason TEXT;
ALTER TABLE sessions ADD COLUMN amendment_author TEXT;
ALTER TABLE sessions ADD COLUMN amended_at TEXT;
CREATE INDEX sessions_by_amended ON sessions(amends_session_id) WHERE amends_session_id IS NOT NULL;

ALTER TABLE sites ADD COLUMN guidance TEXT NOT NULL DEFAULT 'none' CHECK (guidance IN ('none', 'emg', 'estim', 'ultrasound'));
ALTER TABLE sites ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE TABLE session_vials (
  id               TEXT PRIMARY KEY NOT NULL,
  session_id       TEXT NOT NULL REFERENCES sessions(id),
  product_id       TEXT NOT NULL,
  size_units       REAL NOT NULL CHECK (size_units > 0),
  lot              TEXT NOT NULL,
  expiry           TEXT NOT NULL,          -- YYYY-MM-DD
  diluent_ml       REAL CHECK (diluent_ml IS NULL OR diluent_ml > 0),   -- NULL: ready-to-use solution
  reconstituted_at TEXT,
  created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX vials_by_session ON session_vials(session_id);

CREATE TABLE outcome_scores (
  id          TEXT PRIMARY KEY NOT NULL,
  session_id  TEXT NOT NULL REFERENCES sessions(id),
  scale_id    TEXT NOT NULL,
  value       TEXT NOT NULL,               -- a number, or an ordinal grade such as '1+' (Modified Ashworth)
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX scores_by_session ON outcome_scores(session_id);

CREATE TABLE adverse_events (
  id           TEXT PRIMARY KEY NOT NULL,
  session_id   TEXT NOT NULL REFERENCES sessions(id),
  onset_date   TEXT,
  description  TEXT NOT NULL,
  severity     TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX adverse_by_session ON adverse_events(session_id);

CREATE TABLE templates (
  id          TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  indication  TEXT NOT NULL,
  builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE template_sites (
  id              TEXT PRIMARY KEY NOT NULL,
  template_id     TEXT NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL CHECK (seq >= 1),
  diagram_id      TEXT NOT NULL,
  diagram_version INTEGER NOT NULL CHECK (diagram_version >= 1),
  x               REAL NOT NULL,
  y               REAL NOT NULL,
  muscle_id       TEXT NOT NULL,
  side            TEXT NOT NULL CHECK (side IN ('left', 'right', 'midline')),
  units           REAL NOT NULL CHECK (units > 0),
  note            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX template_sites_by_template ON template_sites(template_id, seq);

CREATE TABLE prior_authorizations (
  id              TEXT PRIMARY KEY NOT NULL,
  patient_id      TEXT NOT NULL REFERENCES patients(id),
  payer           TEXT NOT NULL,
  number          TEXT NOT NULL,
  product_id      TEXT,
  valid_from      TEXT NOT NULL,
  valid_to        TEXT NOT NULL,
  approved_units  REAL CHECK (approved_units IS NULL OR approved_units > 0),
  approved_visits INTEGER CHECK (approved_visits IS NULL OR approved_visits > 0),
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (valid_to >= valid_from)
) STRICT;
CREATE INDEX prior_auth_by_patient ON prior_authorizations(patient_id, valid_from);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  author     TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  before     TEXT,                         -- JSON of the row before the change
  after      TEXT                          -- JSON of the row after the change
) STRICT;
CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);

-- The audit log is append-only.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'AUDIT_IMMUTABLE: the audit log cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'AUDIT_IMMUTABLE: the audit log cannot be changed');
END;

-- Signed sessions are frozen: the session row, and every row that hangs off it.
CREATE TRIGGER sessions_signed_no_update BEFORE UPDATE ON sessions WHEN OLD.status = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER sessions_signed_no_delete BEFORE DELETE ON sessions WHEN OLD.status = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be deleted');
END;

CREATE TRIGGER sites_signed_no_insert BEFORE INSERT ON sites
  WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER sites_signed_no_update BEFORE UPDATE ON sites
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
    OR (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER sites_signed_no_delete BEFORE DELETE ON sites
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER session_vials_signed_no_insert BEFORE INSERT ON session_vials
  WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER session_vials_signed_no_update BEFORE UPDATE ON session_vials
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
    OR (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER session_vials_signed_no_delete BEFORE DELETE ON session_vials
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER outcome_scores_signed_no_insert BEFORE INSERT ON outcome_scores
  WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER outcome_scores_signed_no_update BEFORE UPDATE ON outcome_scores
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
    OR (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER outcome_scores_signed_no_delete BEFORE DELETE ON outcome_scores
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER adverse_events_signed_no_insert BEFORE INSERT ON adverse_events
  WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER adverse_events_signed_no_update BEFORE UPDATE ON adverse_events
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
    OR (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER adverse_events_signed_no_delete BEFORE DELETE ON adverse_events
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

-- Audit triggers: one per table and action, row images as JSON.

CREATE TRIGGER patients_audit_insert AFTER INSERT ON patients WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'patients', NEW.id,
    NULL,
    json_object('id', NEW.id, 'mrn', NEW.mrn, 'family_name', NEW.family_name, 'given_name', NEW.given_name, 'birth_date', NEW.birth_date, 'sex', NEW.sex, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER patients_audit_update AFTER UPDATE ON patients WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'patients', NEW.id,
    json_object('id', OLD.id, 'mrn', OLD.mrn, 'family_name', OLD.family_name, 'given_name', OLD.given_name, 'birth_date', OLD.birth_date, 'sex', OLD.sex, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'mrn', NEW.mrn, 'family_name', NEW.family_name, 'given_name', NEW.given_name, 'birth_date', NEW.birth_date, 'sex', NEW.sex, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER patients_audit_delete AFTER DELETE ON patients WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'patients', OLD.id,
    json_object('id', OLD.id, 'mrn', OLD.mrn, 'family_name', OLD.family_name, 'given_name', OLD.given_name, 'birth_date', OLD.birth_date, 'sex', OLD.sex, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL);
END;

CREATE TRIGGER patient_conditions_audit_insert AFTER INSERT ON patient_conditions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'patient_conditions', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'indication', NEW.indication, 'icd10_code', NEW.icd10_code, 'side', NEW.side, 'noted_on', NEW.noted_on, 'created_at', NEW.created_at));
END;

CREATE TRIGGER patient_conditions_audit_update AFTER UPDATE ON patient_conditions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'patient_conditions', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'indication', OLD.indication, 'icd10_code', OLD.icd10_code, 'side', OLD.side, 'noted_on', OLD.noted_on, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'indication', NEW.indication, 'icd10_code', NEW.icd10_code, 'side', NEW.side, 'noted_on', NEW.noted_on, 'created_at', NEW.created_at));
END;

CREATE TRIGGER patient_conditions_audit_delete AFTER DELETE ON patient_conditions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'patient_conditions', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'indication', OLD.indication, 'icd10_code', OLD.icd10_code, 'side', OLD.side, 'noted_on', OLD.noted_on, 'created_at', OLD.created_at),
    NULL);
END;

CREATE TRIGGER sessions_audit_insert AFTER INSERT ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'sessions', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'started_at', NEW.started_at, 'indication', NEW.indication, 'other_indications', NEW.other_indications, 'clinician_id', NEW.clinician_id, 'clinician_name', NEW.clinician_name, 'product_id', NEW.product_id, 'guidance', NEW.guidance, 'notes', NEW.notes, 'next_due_date', NEW.next_due_date, 'status', NEW.status, 'signed_at', NEW.signed_at, 'signed_by', NEW.signed_by, 'amends_session_id', NEW.amends_session_id, 'amendment_reason', NEW.amendment_reason, 'amendment_author', NEW.amendment_author, 'amended_at', NEW.amended_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER sessions_audit_update AFTER UPDATE ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'sessions', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'started_at', OLD.started_at, 'indication', OLD.indication, 'other_indications', OLD.other_indications, 'clinician_id', OLD.clinician_id, 'clinician_name', OLD.clinician_name, 'product_id', OLD.product_id, 'guidance', OLD.guidance, 'notes', OLD.notes, 'next_due_date', OLD.next_due_date, 'status', OLD.status, 'signed_at', OLD.signed_at, 'signed_by', OLD.signed_by, 'amends_session_id', OLD.amends_session_id, 'amendment_reason', OLD.amendment_reason, 'amendment_author', OLD.amendment_author, 'amended_at', OLD.amended_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'started_at', NEW.started_at, 'indication', NEW.indication, 'other_indications', NEW.other_indications, 'clinician_id', NEW.clinician_id, 'clinician_name', NEW.clinician_name, 'product_id', NEW.product_id, 'guidance', NEW.guidance, 'notes', NEW.notes, 'next_due_date', NEW.next_due_date, 'status', NEW.status, 'signed_at', NEW.signed_at, 'signed_by', NEW.signed_by, 'amends_session_id', NEW.amends_session_id, 'amendment_reason', NEW.amendment_reason, 'amendment_author', NEW.amendment_author, 'amended_at', NEW.amended_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER sessions_audit_delete AFTER DELETE ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'sessions', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'started_at', OLD.started_at, 'indication', OLD.indication, 'other_indications', OLD.other_indications, 'clinician_id', OLD.clinician_id, 'clinician_name', OLD.clinician_name, 'product_id', OLD.product_id, 'guidance', OLD.guidance, 'notes', OLD.notes, 'next_due_date', OLD.next_due_date, 'status', OLD.status, 'signed_at', OLD.signed_at, 'signed_by', OLD.signed_by, 'amends_session_id', OLD.amends_session_id, 'amendment_reason', OLD.amendment_reason, 'amendment_author', OLD.amendment_author, 'amended_at', OLD.amended_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL);
END;

CREATE TRIGGER sites_audit_insert AFTER INSERT ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'sites', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'guidance', NEW.guidance, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER sites_audit_update AFTER UPDATE ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'sites', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'guidance', OLD.guidance, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'guidance', NEW.guidance, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER sites_audit_delete AFTER DELETE ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'sites', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'guidance', OLD.guidance, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL);
END;

CREATE TRIGGER session_vials_audit_insert AFTER INSERT ON session_vials WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'session_vials', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'product_id', NEW.product_id, 'size_units', NEW.size_units, 'lot', NEW.lot, 'expiry', NEW.expiry, 'diluent_ml', NEW.diluent_ml, 'reconstituted_at', NEW.reconstituted_at, 'created_at', NEW.created_at));
END;

CREATE TRIGGER session_vials_audit_update AFTER UPDATE ON session_vials WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'session_vials', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'product_id', OLD.product_id, 'size_units', OLD.size_units, 'lot', OLD.lot, 'expiry', OLD.expiry, 'diluent_ml', OLD.diluent_ml, 'reconstituted_at', OLD.reconstituted_at, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'product_id', NEW.product_id, 'size_units', NEW.size_units, 'lot', NEW.lot, 'expiry', NEW.expiry, 'diluent_ml', NEW.diluent_ml, 'reconstituted_at', NEW.reconstituted_at, 'created_at', NEW.created_at));
END;

CREATE TRIGGER session_vials_audit_delete AFTER DELETE ON session_vials WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'session_vials', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'product_id', OLD.product_id, 'size_units', OLD.size_units, 'lot', OLD.lot, 'expiry', OLD.expiry, 'diluent_ml', OLD.diluent_ml, 'reconstituted_at', OLD.reconstituted_at, 'created_at', OLD.created_at),
    NULL);
END;

CREATE TRIGGER outcome_scores_audit_insert AFTER INSERT ON outcome_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'outcome_scores', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at));
END;

CREATE TRIGGER outcome_scores_audit_update AFTER UPDATE ON outcome_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'outcome_scores', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at));
END;

CREATE TRIGGER outcome_scores_audit_delete AFTER DELETE ON outcome_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'outcome_scores', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    NULL);
END;

CREATE TRIGGER adverse_events_audit_insert AFTER INSERT ON adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'adverse_events', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'created_at', NEW.created_at));
END;

CREATE TRIGGER adverse_events_audit_update AFTER UPDATE ON adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'adverse_events', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'created_at', NEW.created_at));
END;

CREATE TRIGGER adverse_events_audit_delete AFTER DELETE ON adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'adverse_events', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'created_at', OLD.created_at),
    NULL);
END;

CREATE TRIGGER templates_audit_insert AFTER INSERT ON templates WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'templates', NEW.id,
    NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'indication', NEW.indication, 'builtin', NEW.builtin, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER templates_audit_update AFTER UPDATE ON templates WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'templates', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name, 'indication', OLD.indication, 'builtin', OLD.builtin, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'name', NEW.name, 'indication', NEW.indication, 'builtin', NEW.builtin, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER templates_audit_delete AFTER DELETE ON templates WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'templates', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name, 'indication', OLD.indication, 'builtin', OLD.builtin, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL);
END;

CREATE TRIGGER template_sites_audit_insert AFTER INSERT ON template_sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'template_sites', NEW.id,
    NULL,
    json_object('id', NEW.id, 'template_id', NEW.template_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'note', NEW.note));
END;

CREATE TRIGGER template_sites_audit_update AFTER UPDATE ON template_sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'template_sites', NEW.id,
    json_object('id', OLD.id, 'template_id', OLD.template_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'note', OLD.note),
    json_object('id', NEW.id, 'template_id', NEW.template_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'note', NEW.note));
END;

CREATE TRIGGER template_sites_audit_delete AFTER DELETE ON template_sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'template_sites', OLD.id,
    json_object('id', OLD.id, 'template_id', OLD.template_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'note', OLD.note),
    NULL);
END;

CREATE TRIGGER prior_authorizations_audit_insert AFTER INSERT ON prior_authorizations WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'prior_authorizations', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'payer', NEW.payer, 'number', NEW.number, 'product_id', NEW.product_id, 'valid_from', NEW.valid_from, 'valid_to', NEW.valid_to, 'approved_units', NEW.approved_units, 'approved_visits', NEW.approved_visits, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER prior_authorizations_audit_update AFTER UPDATE ON prior_authorizations WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'prior_authorizations', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'payer', OLD.payer, 'number', OLD.number, 'product_id', OLD.product_id, 'valid_from', OLD.valid_from, 'valid_to', OLD.valid_to, 'approved_units', OLD.approved_units, 'approved_visits', OLD.approved_visits, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'payer', NEW.payer, 'number', NEW.number, 'product_id', NEW.product_id, 'valid_from', NEW.valid_from, 'valid_to', NEW.valid_to, 'approved_units', NEW.approved_units, 'approved_visits', NEW.approved_visits, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER prior_authorizations_audit_delete AFTER DELETE ON prior_authorizations WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'prior_authorizations', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'payer', OLD.payer, 'number', OLD.number, 'product_id', OLD.product_id, 'valid_from', OLD.valid_from, 'valid_to', OLD.valid_to, 'approved_units', OLD.approved_units, 'approved_visits', OLD.approved_visits, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL);
END;

CREATE TRIGGER clinicians_audit_insert AFTER INSERT ON clinicians WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'clinicians', NEW.id,
    NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'credentials', NEW.credentials, 'default_product_id', NEW.default_product_id, 'default_guidance', NEW.default_guidance, 'is_current', NEW.is_current, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER clinicians_audit_update AFTER UPDATE ON clinicians WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'clinicians', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name, 'credentials', OLD.credentials, 'default_product_id', OLD.default_product_id, 'default_guidance', OLD.default_guidance, 'is_current', OLD.is_current, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'name', NEW.name, 'credentials', NEW.credentials, 'default_product_id', NEW.default_product_id, 'default_guidance', NEW.default_guidance, 'is_current', NEW.is_current, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER clinicians_audit_delete AFTER DELETE ON clinicians WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'clinicians', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name, 'credentials', OLD.credentials, 'default_product_id', OLD.default_product_id, 'default_guidance', OLD.default_guidance, 'is_current', OLD.is_current, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL);
END;
