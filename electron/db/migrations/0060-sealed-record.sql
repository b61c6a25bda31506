-- A record that can be trusted:
--   * a signed session carries a seal (sessions.seal: 'v1:' + SHA-256 of its canonical content, see
--     electron/trust/seal.ts) and the account that signed it (signer_id; signed_by keeps the name as it was);
--   * every audit row carries the hash of the row before it (prev_hash) and its own (hash), filled by the
--     database as the row is written (audit_chain_hash() is an app function, like audit_now());
--   * INSERT OR REPLACE / UPDATE OR REPLACE can no longer remove a row of a signed session or of the
--     audit log (a REPLACE deletes the conflicting row without firing delete triggers).
-- Rows written before this migration get their chain hashes and seals in the step that follows it
-- (electron/db/migration-steps.ts), inside the same transaction.

ALTER TABLE sessions ADD COLUMN seal TEXT CHECK (seal IS NULL OR seal LIKE 'v_:%');
ALTER TABLE sessions ADD COLUMN signer_id TEXT REFERENCES clinicians(id);

ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- Append-only, except that the chain hashes of a row are filled once, right after it is written.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL
    AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.author IS OLD.author AND NEW.action IS OLD.action
    AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id AND NEW.before IS OLD.before
    AND NEW.after IS OLD.after AND NEW.session_id IS OLD.session_id) BEGIN
  SELECT RAISE(ABORT, 'AUDIT_IMMUTABLE: the audit log cannot be changed');
END;

-- Rows are only ever added at the end (no REPLACE of an existing row, no row slipped in between).
CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
  WHEN NEW.id IS NOT NULL AND NEW.id <> -1 AND NEW.id <= (SELECT coalesce(max(id), 0) FROM audit_log) BEGIN
  SELECT RAISE(ABORT, 'AUDIT_IMMUTABLE: audit rows are only added at the end');
END;

-- While the app audits, a row may not bring its own hashes: the database chains it.
CREATE TRIGGER audit_log_no_forged_hash BEFORE INSERT ON audit_log
  WHEN audit_enabled() AND (NEW.hash IS NOT NULL OR NEW.prev_hash IS NOT NULL) BEGIN
  SELECT RAISE(ABORT, 'AUDIT_IMMUTABLE: audit rows are chained by the database');
END;

CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log WHEN NEW.hash IS NULL BEGIN
  UPDATE audit_log
    SET prev_hash = (SELECT p.hash FROM audit_log p WHERE p.id < NEW.id ORDER BY p.id DESC LIMIT 1),
        hash = audit_chain_hash((SELECT p.hash FROM audit_log p WHERE p.id < NEW.id ORDER BY p.id DESC LIMIT 1),
          NEW.id, NEW.at, NEW.author, NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after, NEW.session_id)
    WHERE id = NEW.id;
END;

-- REPLACE guards: a row of a signed session cannot be replaced by an insert, nor overwritten by giving
-- another row its id. (The app's connections also run with recursive_triggers on, so a REPLACE's
-- implicit delete fires the delete guards and audit triggers of every table.)
CREATE TRIGGER sessions_signed_no_replace BEFORE INSERT ON sessions
  WHEN EXISTS (SELECT 1 FROM sessions WHERE id = NEW.id AND status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be replaced');
END;
CREATE TRIGGER sessions_signed_no_rekey BEFORE UPDATE OF id ON sessions
  WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM sessions WHERE id = NEW.id AND status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be replaced');
END;

CREATE TRIGGER sites_signed_no_replace BEFORE INSERT ON sites
  WHEN EXISTS (SELECT 1 FROM sites t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER sites_signed_no_rekey BEFORE UPDATE OF id ON sites
  WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM sites t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER session_vials_signed_no_replace BEFORE INSERT ON session_vials
  WHEN EXISTS (SELECT 1 FROM session_vials t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER session_vials_signed_no_rekey BEFORE UPDATE OF id ON session_vials
  WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM session_vials t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER outcome_scores_signed_no_replace BEFORE INSERT ON outcome_scores
  WHEN EXISTS (SELECT 1 FROM outcome_scores t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER outcome_scores_signed_no_rekey BEFORE UPDATE OF id ON outcome_scores
  WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM outcome_scores t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER adverse_events_signed_no_replace BEFORE INSERT ON adverse_events
  WHEN EXISTS (SELECT 1 FROM adverse_events t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER adverse_events_signed_no_rekey BEFORE UPDATE OF id ON adverse_events
  WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM adverse_events t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER finding_acknowledgements_signed_no_replace BEFORE INSERT ON finding_acknowledgements
  WHEN EXISTS (SELECT 1 FROM finding_acknowledgements t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER finding_acknowledgements_signed_no_rekey BEFORE UPDATE OF id ON finding_acknowledgements
  WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM finding_acknowledgements t JOIN sessions s ON s.id = t.session_id WHERE t.id = NEW.id AND s.status = 'signed') BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

-- The sessions audit triggers, with the new columns.

-- generated audit triggers: begin (npm run db:audit-triggers; do not edit by hand)
DROP TRIGGER IF EXISTS sessions_audit_insert;
CREATE TRIGGER sessions_audit_insert AFTER INSERT ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'sessions', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'indication', NEW.indication, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'started_at', NEW.started_at, 'other_indications', NEW.other_indications, 'clinician_id', NEW.clinician_id, 'clinician_name', NEW.clinician_name, 'product_id', NEW.product_id, 'guidance', NEW.guidance, 'notes', NEW.notes, 'next_due_date', NEW.next_due_date, 'signed_at', NEW.signed_at, 'signed_by', NEW.signed_by, 'amends_session_id', NEW.amends_session_id, 'amendment_reason', NEW.amendment_reason, 'amendment_author', NEW.amendment_author, 'amended_at', NEW.amended_at, 'weight_kg', NEW.weight_kg, 'template_origin', NEW.template_origin, 'seal', NEW.seal, 'signer_id', NEW.signer_id),
    NEW.id);
END;

DROP TRIGGER IF EXISTS sessions_audit_update;
CREATE TRIGGER sessions_audit_update AFTER UPDATE ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'sessions', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'indication', OLD.indication, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'started_at', OLD.started_at, 'other_indications', OLD.other_indications, 'clinician_id', OLD.clinician_id, 'clinician_name', OLD.clinician_name, 'product_id', OLD.product_id, 'guidance', OLD.guidance, 'notes', OLD.notes, 'next_due_date', OLD.next_due_date, 'signed_at', OLD.signed_at, 'signed_by', OLD.signed_by, 'amends_session_id', OLD.amends_session_id, 'amendment_reason', OLD.amendment_reason, 'amendment_author', OLD.amendment_author, 'amended_at', OLD.amended_at, 'weight_kg', OLD.weight_kg, 'template_origin', OLD.template_origin, 'seal', OLD.seal, 'signer_id', OLD.signer_id),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'indication', NEW.indication, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'started_at', NEW.started_at, 'other_indications', NEW.other_indications, 'clinician_id', NEW.clinician_id, 'clinician_name', NEW.clinician_name, 'product_id', NEW.product_id, 'guidance', NEW.guidance, 'notes', NEW.notes, 'next_due_date', NEW.next_due_date, 'signed_at', NEW.signed_at, 'signed_by', NEW.signed_by, 'amends_session_id', NEW.amends_session_id, 'amendment_reason', NEW.amendment_reason, 'amendment_author', NEW.amendment_author, 'amended_at', NEW.amended_at, 'weight_kg', NEW.weight_kg, 'template_origin', NEW.template_origin, 'seal', NEW.seal, 'signer_id', NEW.signer_id),
    NEW.id);
END;

DROP TRIGGER IF EXISTS sessions_audit_delete;
CREATE TRIGGER sessions_audit_delete AFTER DELETE ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'sessions', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'indication', OLD.indication, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'started_at', OLD.started_at, 'other_indications', OLD.other_indications, 'clinician_id', OLD.clinician_id, 'clinician_name', OLD.clinician_name, 'product_id', OLD.product_id, 'guidance', OLD.guidance, 'notes', OLD.notes, 'next_due_date', OLD.next_due_date, 'signed_at', OLD.signed_at, 'signed_by', OLD.signed_by, 'amends_session_id', OLD.amends_session_id, 'amendment_reason', OLD.amendment_reason, 'amendment_author', OLD.amendment_author, 'amended_at', OLD.amended_at, 'weight_kg', OLD.weight_kg, 'template_origin', OLD.template_origin, 'seal', OLD.seal, 'signer_id', OLD.signer_id),
    NULL,
    OLD.id);
END;
-- generated audit triggers: end
