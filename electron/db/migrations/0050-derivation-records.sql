-- What the clinical rules (shared/rules, deriveSession) read beyond the charted sites, and what a signed
-- session keeps of their answer:
--   * the patient's weight at the visit, and the template the session started from (a snapshot, so
--     deleting an own template later loses nothing);
--   * doses given elsewhere (another clinic, a cosmetic practice), per patient;
--   * the clinician's acknowledgements of findings, per session, with a reason;
--   * the derived figures and findings as they stood at signing.
-- Same guarantees as 0020/0040: a signed session and everything under it is frozen by BEFORE triggers,
-- and every change to clinical data writes an audit row (rows under a session are filed by session).

ALTER TABLE sessions ADD COLUMN weight_kg REAL CHECK (weight_kg IS NULL OR (weight_kg >= 0.5 AND weight_kg <= 400));
-- JSON {id, name, sites: [{muscleId, side, units}]}: the template as it was when the session started.
ALTER TABLE sessions ADD COLUMN template_origin TEXT CHECK (template_origin IS NULL OR json_valid(template_origin));

DROP TRIGGER sessions_audit_insert;
CREATE TRIGGER sessions_audit_insert AFTER INSERT ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'sessions', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'started_at', NEW.started_at, 'indication', NEW.indication, 'other_indications', NEW.other_indications, 'clinician_id', NEW.clinician_id, 'clinician_name', NEW.clinician_name, 'product_id', NEW.product_id, 'guidance', NEW.guidance, 'notes', NEW.notes, 'next_due_date', NEW.next_due_date, 'status', NEW.status, 'signed_at', NEW.signed_at, 'signed_by', NEW.signed_by, 'amends_session_id', NEW.amends_session_id, 'amendment_reason', NEW.amendment_reason, 'amendment_author', NEW.amendment_author, 'amended_at', NEW.amended_at, 'weight_kg', NEW.weight_kg, 'template_origin', NEW.template_origin, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.id);
END;

DROP TRIGGER sessions_audit_update;
CREATE TRIGGER sessions_audit_update AFTER UPDATE ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'sessions', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'started_at', OLD.started_at, 'indication', OLD.indication, 'other_indications', OLD.other_indications, 'clinician_id', OLD.clinician_id, 'clinician_name', OLD.clinician_name, 'product_id', OLD.product_id, 'guidance', OLD.guidance, 'notes', OLD.notes, 'next_due_date', OLD.next_due_date, 'status', OLD.status, 'signed_at', OLD.signed_at, 'signed_by', OLD.signed_by, 'amends_session_id', OLD.amends_session_id, 'amendment_reason', OLD.amendment_reason, 'amendment_author', OLD.amendment_author, 'amended_at', OLD.amended_at, 'weight_kg', OLD.weight_kg, 'template_origin', OLD.template_origin, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'started_at', NEW.started_at, 'indication', NEW.indication, 'other_indications', NEW.other_indications, 'clinician_id', NEW.clinician_id, 'clinician_name', NEW.clinician_name, 'product_id', NEW.product_id, 'guidance', NEW.guidance, 'notes', NEW.notes, 'next_due_date', NEW.next_due_date, 'status', NEW.status, 'signed_at', NEW.signed_at, 'signed_by', NEW.signed_by, 'amends_session_id', NEW.amends_session_id, 'amendment_reason', NEW.amendment_reason, 'amendment_author', NEW.amendment_author, 'amended_at', NEW.amended_at, 'weight_kg', NEW.weight_kg, 'template_origin', NEW.template_origin, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.id);
END;

DROP TRIGGER sessions_audit_delete;
CREATE TRIGGER sessions_audit_delete AFTER DELETE ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'sessions', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'started_at', OLD.started_at, 'indication', OLD.indication, 'other_indications', OLD.other_indications, 'clinician_id', OLD.clinician_id, 'clinician_name', OLD.clinician_name, 'product_id', OLD.product_id, 'guidance', OLD.guidance, 'notes', OLD.notes, 'next_due_date', OLD.next_due_date, 'status', OLD.status, 'signed_at', OLD.signed_at, 'signed_by', OLD.signed_by, 'amends_session_id', OLD.amends_session_id, 'amendment_reason', OLD.amendment_reason, 'amendment_author', OLD.amendment_author, 'amended_at', OLD.amended_at, 'weight_kg', OLD.weight_kg, 'template_origin', OLD.template_origin, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL,
    OLD.id);
END;

-- Doses of any product given outside this app, so rolling-window totals and intervals count them.
CREATE TABLE external_doses (
  id          TEXT PRIMARY KEY NOT NULL,
  patient_id  TEXT NOT NULL REFERENCES patients(id),
  date        TEXT NOT NULL,                 -- YYYY-MM-DD
  product_id  TEXT NOT NULL,
  units       REAL NOT NULL CHECK (units > 0),
  where_given TEXT NOT NULL CHECK (length(trim(where_given)) > 0),
  indication  TEXT,                          -- NULL when not one of the app's indications (e.g. cosmetic)
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX external_doses_by_patient ON external_doses(patient_id, date);

CREATE TRIGGER external_doses_audit_insert AFTER INSERT ON external_doses WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'external_doses', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'product_id', NEW.product_id, 'units', NEW.units, 'where_given', NEW.where_given, 'indication', NEW.indication, 'note', NEW.note, 'created_at', NEW.created_at));
END;

CREATE TRIGGER external_doses_audit_update AFTER UPDATE ON external_doses WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'external_doses', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'product_id', OLD.product_id, 'units', OLD.units, 'where_given', OLD.where_given, 'indication', OLD.indication, 'note', OLD.note, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'product_id', NEW.product_id, 'units', NEW.units, 'where_given', NEW.where_given, 'indication', NEW.indication, 'note', NEW.note, 'created_at', NEW.created_at));
END;

CREATE TRIGGER external_doses_audit_delete AFTER DELETE ON external_doses WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'external_doses', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'product_id', OLD.product_id, 'units', OLD.units, 'where_given', OLD.where_given, 'indication', OLD.indication, 'note', OLD.note, 'created_at', OLD.created_at),
    NULL);
END;

-- A warning never blocks; the clinician's decision about it is recorded here, one per finding and session.
CREATE TABLE finding_acknowledgements (
  id              TEXT PRIMARY KEY NOT NULL,
  session_id      TEXT NOT NULL REFERENCES sessions(id),
  finding_key     TEXT NOT NULL,             -- Finding.key: stable identity of the finding within the session
  finding_kind    TEXT NOT NULL,
  reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  acknowledged_by TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  UNIQUE (session_id, finding_key)
) STRICT;

CREATE TRIGGER finding_acknowledgements_signed_no_insert BEFORE INSERT ON finding_acknowledgements
  WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER finding_acknowledgements_signed_no_update BEFORE UPDATE ON finding_acknowledgements
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
    OR (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER finding_acknowledgements_signed_no_delete BEFORE DELETE ON finding_acknowledgements
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER finding_acknowledgements_audit_insert AFTER INSERT ON finding_acknowledgements WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'finding_acknowledgements', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'finding_key', NEW.finding_key, 'finding_kind', NEW.finding_kind, 'reason', NEW.reason, 'acknowledged_by', NEW.acknowledged_by, 'acknowledged_at', NEW.acknowledged_at),
    NEW.session_id);
END;

CREATE TRIGGER finding_acknowledgements_audit_update AFTER UPDATE ON finding_acknowledgements WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'finding_acknowledgements', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'finding_key', OLD.finding_key, 'finding_kind', OLD.finding_kind, 'reason', OLD.reason, 'acknowledged_by', OLD.acknowledged_by, 'acknowledged_at', OLD.acknowledged_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'finding_key', NEW.finding_key, 'finding_kind', NEW.finding_kind, 'reason', NEW.reason, 'acknowledged_by', NEW.acknowledged_by, 'acknowledged_at', NEW.acknowledged_at),
    NEW.session_id);
END;

CREATE TRIGGER finding_acknowledgements_audit_delete AFTER DELETE ON finding_acknowledgements WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'finding_acknowledgements', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'finding_key', OLD.finding_key, 'finding_kind', OLD.finding_kind, 'reason', OLD.reason, 'acknowledged_by', OLD.acknowledged_by, 'acknowledged_at', OLD.acknowledged_at),
    NULL,
    OLD.session_id);
END;

-- What deriveSession said when the session was signed (JSON of SessionDerived), written in the signing
-- transaction just before the status changes. A signed record keeps the figures and warnings that were
-- true when it was signed, even after the rules or the patient's other records change.
-- Not audited: it is derived, not entered, and cannot change once signed; the signature is audited.
CREATE TABLE session_derived (
  session_id TEXT PRIMARY KEY NOT NULL REFERENCES sessions(id),
  derived    TEXT NOT NULL CHECK (json_valid(derived)),
  derived_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER session_derived_signed_no_insert BEFORE INSERT ON session_derived
  WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER session_derived_signed_no_update BEFORE UPDATE ON session_derived
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
    OR (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER session_derived_signed_no_delete BEFORE DELETE ON session_derived
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
