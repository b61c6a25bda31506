-- Audit rows name the session they belong to, so a session's history (its own row and every site,
-- vial, score and adverse event under it) is read from an index instead of scanning the whole log.

ALTER TABLE audit_log ADD COLUMN session_id TEXT;

-- Backfill: the append-only guard is lifted for this one statement, inside the migration's transaction.
DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET session_id = CASE
    WHEN entity = 'sessions' THEN entity_id
    ELSE json_extract(coalesce(after, before), '$.session_id')
  END
  WHERE entity IN ('sessions', 'sites', 'session_vials', 'outcome_scores', 'adverse_events');
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'AUDIT_IMMUTABLE: the audit log cannot be changed');
END;

CREATE INDEX audit_by_session ON audit_log(session_id, id) WHERE session_id IS NOT NULL;

DROP TRIGGER sessions_audit_insert;
CREATE TRIGGER sessions_audit_insert AFTER INSERT ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'sessions', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'started_at', NEW.started_at, 'indication', NEW.indication, 'other_indications', NEW.other_indications, 'clinician_id', NEW.clinician_id, 'clinician_name', NEW.clinician_name, 'product_id', NEW.product_id, 'guidance', NEW.guidance, 'notes', NEW.notes, 'next_due_date', NEW.next_due_date, 'status', NEW.status, 'signed_at', NEW.signed_at, 'signed_by', NEW.signed_by, 'amends_session_id', NEW.amends_session_id, 'amendment_reason', NEW.amendment_reason, 'amendment_author', NEW.amendment_author, 'amended_at', NEW.amended_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.id);
END;

DROP TRIGGER sessions_audit_update;
CREATE TRIGGER sessions_audit_update AFTER UPDATE ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'sessions', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'started_at', OLD.started_at, 'indication', OLD.indication, 'other_indications', OLD.other_indications, 'clinician_id', OLD.clinician_id, 'clinician_name', OLD.clinician_name, 'product_id', OLD.product_id, 'guidance', OLD.guidance, 'notes', OLD.notes, 'next_due_date', OLD.next_due_date, 'status', OLD.status, 'signed_at', OLD.signed_at, 'signed_by', OLD.signed_by, 'amends_session_id', OLD.amends_session_id, 'amendment_reason', OLD.amendment_reason, 'amendment_author', OLD.amendment_author, 'amended_at', OLD.amended_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'started_at', NEW.started_at, 'indication', NEW.indication, 'other_indications', NEW.other_indications, 'clinician_id', NEW.clinician_id, 'clinician_name', NEW.clinician_name, 'product_id', NEW.product_id, 'guidance', NEW.guidance, 'notes', NEW.notes, 'next_due_date', NEW.next_due_date, 'status', NEW.status, 'signed_at', NEW.signed_at, 'signed_by', NEW.signed_by, 'amends_session_id', NEW.amends_session_id, 'amendment_reason', NEW.amendment_reason, 'amendment_author', NEW.amendment_author, 'amended_at', NEW.amended_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.id);
END;

DROP TRIGGER sessions_audit_delete;
CREATE TRIGGER sessions_audit_delete AFTER DELETE ON sessions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'sessions', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'started_at', OLD.started_at, 'indication', OLD.indication, 'other_indications', OLD.other_indications, 'clinician_id', OLD.clinician_id, 'clinician_name', OLD.clinician_name, 'product_id', OLD.product_id, 'guidance', OLD.guidance, 'notes', OLD.notes, 'next_due_date', OLD.next_due_date, 'status', OLD.status, 'signed_at', OLD.signed_at, 'signed_by', OLD.signed_by, 'amends_session_id', OLD.amends_session_id, 'amendment_reason', OLD.amendment_reason, 'amendment_author', OLD.amendment_author, 'amended_at', OLD.amended_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL,
    OLD.id);
END;

DROP TRIGGER sites_audit_insert;
CREATE TRIGGER sites_audit_insert AFTER INSERT ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'sites', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'guidance', NEW.guidance, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.session_id);
END;

DROP TRIGGER sites_audit_update;
CREATE TRIGGER sites_audit_update AFTER UPDATE ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'sites', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'guidance', OLD.guidance, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'guidance', NEW.guidance, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.session_id);
END;

DROP TRIGGER sites_audit_delete;
CREATE TRIGGER sites_audit_delete AFTER DELETE ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'sites', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'guidance', OLD.guidance, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER session_vials_audit_insert;
CREATE TRIGGER session_vials_audit_insert AFTER INSERT ON session_vials WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'session_vials', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'product_id', NEW.product_id, 'size_units', NEW.size_units, 'lot', NEW.lot, 'expiry', NEW.expiry, 'diluent_ml', NEW.diluent_ml, 'reconstituted_at', NEW.reconstituted_at, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER session_vials_audit_update;
CREATE TRIGGER session_vials_audit_update AFTER UPDATE ON session_vials WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'session_vials', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'product_id', OLD.product_id, 'size_units', OLD.size_units, 'lot', OLD.lot, 'expiry', OLD.expiry, 'diluent_ml', OLD.diluent_ml, 'reconstituted_at', OLD.reconstituted_at, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'product_id', NEW.product_id, 'size_units', NEW.size_units, 'lot', NEW.lot, 'expiry', NEW.expiry, 'diluent_ml', NEW.diluent_ml, 'reconstituted_at', NEW.reconstituted_at, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER session_vials_audit_delete;
CREATE TRIGGER session_vials_audit_delete AFTER DELETE ON session_vials WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'session_vials', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'product_id', OLD.product_id, 'size_units', OLD.size_units, 'lot', OLD.lot, 'expiry', OLD.expiry, 'diluent_ml', OLD.diluent_ml, 'reconstituted_at', OLD.reconstituted_at, 'created_at', OLD.created_at),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER outcome_scores_audit_insert;
CREATE TRIGGER outcome_scores_audit_insert AFTER INSERT ON outcome_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'outcome_scores', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER outcome_scores_audit_update;
CREATE TRIGGER outcome_scores_audit_update AFTER UPDATE ON outcome_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'outcome_scores', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER outcome_scores_audit_delete;
CREATE TRIGGER outcome_scores_audit_delete AFTER DELETE ON outcome_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'outcome_scores', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER adverse_events_audit_insert;
CREATE TRIGGER adverse_events_audit_insert AFTER INSERT ON adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'adverse_events', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER adverse_events_audit_update;
CREATE TRIGGER adverse_events_audit_update AFTER UPDATE ON adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'adverse_events', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER adverse_events_audit_delete;
CREATE TRIGGER adverse_events_audit_delete AFTER DELETE ON adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'adverse_events', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'created_at', OLD.created_at),
    NULL,
    OLD.session_id);
END;
