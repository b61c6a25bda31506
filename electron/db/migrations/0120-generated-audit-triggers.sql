-- Every audited table's audit triggers, generated from the table definitions (electron/db/audit-sql.ts,
-- npm run db:audit-triggers) in place of the blocks written by hand in 0010-0090. Same audit as before:
-- one AFTER trigger per insert, update and delete, writing the row before and after as JSON with every
-- column (a passphrase hash and the search keys left out), filed under the row's session, chained by
-- audit_log_chain (0060). The signed-session guards and the REPLACE guards are untouched. The only visible
-- difference: in the row images of patients and sites the keys follow the table's column order.
-- The sessions and clinicians tables' triggers are generated in 0060 and 0100 already.

-- generated audit triggers: begin (npm run db:audit-triggers; do not edit by hand)
DROP TRIGGER IF EXISTS patients_audit_insert;
CREATE TRIGGER patients_audit_insert AFTER INSERT ON patients WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'patients', NEW.id,
    NULL,
    json_object('id', NEW.id, 'mrn', NEW.mrn, 'family_name', NEW.family_name, 'given_name', NEW.given_name, 'birth_date', NEW.birth_date, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'sex', NEW.sex, 'notes', NEW.notes));
END;

DROP TRIGGER IF EXISTS patients_audit_update;
CREATE TRIGGER patients_audit_update AFTER UPDATE ON patients WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'patients', NEW.id,
    json_object('id', OLD.id, 'mrn', OLD.mrn, 'family_name', OLD.family_name, 'given_name', OLD.given_name, 'birth_date', OLD.birth_date, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'sex', OLD.sex, 'notes', OLD.notes),
    json_object('id', NEW.id, 'mrn', NEW.mrn, 'family_name', NEW.family_name, 'given_name', NEW.given_name, 'birth_date', NEW.birth_date, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'sex', NEW.sex, 'notes', NEW.notes));
END;

DROP TRIGGER IF EXISTS patients_audit_delete;
CREATE TRIGGER patients_audit_delete AFTER DELETE ON patients WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'patients', OLD.id,
    json_object('id', OLD.id, 'mrn', OLD.mrn, 'family_name', OLD.family_name, 'given_name', OLD.given_name, 'birth_date', OLD.birth_date, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'sex', OLD.sex, 'notes', OLD.notes),
    NULL);
END;

DROP TRIGGER IF EXISTS patient_conditions_audit_insert;
CREATE TRIGGER patient_conditions_audit_insert AFTER INSERT ON patient_conditions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'patient_conditions', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'indication', NEW.indication, 'icd10_code', NEW.icd10_code, 'side', NEW.side, 'noted_on', NEW.noted_on, 'created_at', NEW.created_at));
END;

DROP TRIGGER IF EXISTS patient_conditions_audit_update;
CREATE TRIGGER patient_conditions_audit_update AFTER UPDATE ON patient_conditions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'patient_conditions', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'indication', OLD.indication, 'icd10_code', OLD.icd10_code, 'side', OLD.side, 'noted_on', OLD.noted_on, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'indication', NEW.indication, 'icd10_code', NEW.icd10_code, 'side', NEW.side, 'noted_on', NEW.noted_on, 'created_at', NEW.created_at));
END;

DROP TRIGGER IF EXISTS patient_conditions_audit_delete;
CREATE TRIGGER patient_conditions_audit_delete AFTER DELETE ON patient_conditions WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'patient_conditions', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'indication', OLD.indication, 'icd10_code', OLD.icd10_code, 'side', OLD.side, 'noted_on', OLD.noted_on, 'created_at', OLD.created_at),
    NULL);
END;

DROP TRIGGER IF EXISTS sites_audit_insert;
CREATE TRIGGER sites_audit_insert AFTER INSERT ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'sites', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'guidance', NEW.guidance, 'note', NEW.note, 'location', NEW.location, 'copied_from', NEW.copied_from),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS sites_audit_update;
CREATE TRIGGER sites_audit_update AFTER UPDATE ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'sites', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'guidance', OLD.guidance, 'note', OLD.note, 'location', OLD.location, 'copied_from', OLD.copied_from),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'guidance', NEW.guidance, 'note', NEW.note, 'location', NEW.location, 'copied_from', NEW.copied_from),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS sites_audit_delete;
CREATE TRIGGER sites_audit_delete AFTER DELETE ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'sites', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'guidance', OLD.guidance, 'note', OLD.note, 'location', OLD.location, 'copied_from', OLD.copied_from),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER IF EXISTS session_vials_audit_insert;
CREATE TRIGGER session_vials_audit_insert AFTER INSERT ON session_vials WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'session_vials', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'product_id', NEW.product_id, 'size_units', NEW.size_units, 'lot', NEW.lot, 'expiry', NEW.expiry, 'diluent_ml', NEW.diluent_ml, 'reconstituted_at', NEW.reconstituted_at, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS session_vials_audit_update;
CREATE TRIGGER session_vials_audit_update AFTER UPDATE ON session_vials WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'session_vials', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'product_id', OLD.product_id, 'size_units', OLD.size_units, 'lot', OLD.lot, 'expiry', OLD.expiry, 'diluent_ml', OLD.diluent_ml, 'reconstituted_at', OLD.reconstituted_at, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'product_id', NEW.product_id, 'size_units', NEW.size_units, 'lot', NEW.lot, 'expiry', NEW.expiry, 'diluent_ml', NEW.diluent_ml, 'reconstituted_at', NEW.reconstituted_at, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS session_vials_audit_delete;
CREATE TRIGGER session_vials_audit_delete AFTER DELETE ON session_vials WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'session_vials', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'product_id', OLD.product_id, 'size_units', OLD.size_units, 'lot', OLD.lot, 'expiry', OLD.expiry, 'diluent_ml', OLD.diluent_ml, 'reconstituted_at', OLD.reconstituted_at, 'created_at', OLD.created_at),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER IF EXISTS outcome_scores_audit_insert;
CREATE TRIGGER outcome_scores_audit_insert AFTER INSERT ON outcome_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'outcome_scores', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS outcome_scores_audit_update;
CREATE TRIGGER outcome_scores_audit_update AFTER UPDATE ON outcome_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'outcome_scores', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS outcome_scores_audit_delete;
CREATE TRIGGER outcome_scores_audit_delete AFTER DELETE ON outcome_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'outcome_scores', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER IF EXISTS adverse_events_audit_insert;
CREATE TRIGGER adverse_events_audit_insert AFTER INSERT ON adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'adverse_events', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS adverse_events_audit_update;
CREATE TRIGGER adverse_events_audit_update AFTER UPDATE ON adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'adverse_events', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS adverse_events_audit_delete;
CREATE TRIGGER adverse_events_audit_delete AFTER DELETE ON adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'adverse_events', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'created_at', OLD.created_at),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER IF EXISTS finding_acknowledgements_audit_insert;
CREATE TRIGGER finding_acknowledgements_audit_insert AFTER INSERT ON finding_acknowledgements WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'finding_acknowledgements', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'finding_key', NEW.finding_key, 'finding_kind', NEW.finding_kind, 'reason', NEW.reason, 'acknowledged_by', NEW.acknowledged_by, 'acknowledged_at', NEW.acknowledged_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS finding_acknowledgements_audit_update;
CREATE TRIGGER finding_acknowledgements_audit_update AFTER UPDATE ON finding_acknowledgements WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'finding_acknowledgements', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'finding_key', OLD.finding_key, 'finding_kind', OLD.finding_kind, 'reason', OLD.reason, 'acknowledged_by', OLD.acknowledged_by, 'acknowledged_at', OLD.acknowledged_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'finding_key', NEW.finding_key, 'finding_kind', NEW.finding_kind, 'reason', NEW.reason, 'acknowledged_by', NEW.acknowledged_by, 'acknowledged_at', NEW.acknowledged_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS finding_acknowledgements_audit_delete;
CREATE TRIGGER finding_acknowledgements_audit_delete AFTER DELETE ON finding_acknowledgements WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'finding_acknowledgements', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'finding_key', OLD.finding_key, 'finding_kind', OLD.finding_kind, 'reason', OLD.reason, 'acknowledged_by', OLD.acknowledged_by, 'acknowledged_at', OLD.acknowledged_at),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER IF EXISTS templates_audit_insert;
CREATE TRIGGER templates_audit_insert AFTER INSERT ON templates WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'templates', NEW.id,
    NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'indication', NEW.indication, 'builtin', NEW.builtin, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

DROP TRIGGER IF EXISTS templates_audit_update;
CREATE TRIGGER templates_audit_update AFTER UPDATE ON templates WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'templates', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name, 'indication', OLD.indication, 'builtin', OLD.builtin, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'name', NEW.name, 'indication', NEW.indication, 'builtin', NEW.builtin, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

DROP TRIGGER IF EXISTS templates_audit_delete;
CREATE TRIGGER templates_audit_delete AFTER DELETE ON templates WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'templates', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name, 'indication', OLD.indication, 'builtin', OLD.builtin, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL);
END;

DROP TRIGGER IF EXISTS template_sites_audit_insert;
CREATE TRIGGER template_sites_audit_insert AFTER INSERT ON template_sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'template_sites', NEW.id,
    NULL,
    json_object('id', NEW.id, 'template_id', NEW.template_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'note', NEW.note));
END;

DROP TRIGGER IF EXISTS template_sites_audit_update;
CREATE TRIGGER template_sites_audit_update AFTER UPDATE ON template_sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'template_sites', NEW.id,
    json_object('id', OLD.id, 'template_id', OLD.template_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'note', OLD.note),
    json_object('id', NEW.id, 'template_id', NEW.template_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'note', NEW.note));
END;

DROP TRIGGER IF EXISTS template_sites_audit_delete;
CREATE TRIGGER template_sites_audit_delete AFTER DELETE ON template_sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'template_sites', OLD.id,
    json_object('id', OLD.id, 'template_id', OLD.template_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'note', OLD.note),
    NULL);
END;

DROP TRIGGER IF EXISTS prior_authorizations_audit_insert;
CREATE TRIGGER prior_authorizations_audit_insert AFTER INSERT ON prior_authorizations WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'prior_authorizations', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'payer', NEW.payer, 'number', NEW.number, 'product_id', NEW.product_id, 'valid_from', NEW.valid_from, 'valid_to', NEW.valid_to, 'approved_units', NEW.approved_units, 'approved_visits', NEW.approved_visits, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

DROP TRIGGER IF EXISTS prior_authorizations_audit_update;
CREATE TRIGGER prior_authorizations_audit_update AFTER UPDATE ON prior_authorizations WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'prior_authorizations', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'payer', OLD.payer, 'number', OLD.number, 'product_id', OLD.product_id, 'valid_from', OLD.valid_from, 'valid_to', OLD.valid_to, 'approved_units', OLD.approved_units, 'approved_visits', OLD.approved_visits, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'payer', NEW.payer, 'number', NEW.number, 'product_id', NEW.product_id, 'valid_from', NEW.valid_from, 'valid_to', NEW.valid_to, 'approved_units', NEW.approved_units, 'approved_visits', NEW.approved_visits, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

DROP TRIGGER IF EXISTS prior_authorizations_audit_delete;
CREATE TRIGGER prior_authorizations_audit_delete AFTER DELETE ON prior_authorizations WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'prior_authorizations', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'payer', OLD.payer, 'number', OLD.number, 'product_id', OLD.product_id, 'valid_from', OLD.valid_from, 'valid_to', OLD.valid_to, 'approved_units', OLD.approved_units, 'approved_visits', OLD.approved_visits, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL);
END;

DROP TRIGGER IF EXISTS external_doses_audit_insert;
CREATE TRIGGER external_doses_audit_insert AFTER INSERT ON external_doses WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'external_doses', NEW.id,
    NULL,
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'product_id', NEW.product_id, 'units', NEW.units, 'where_given', NEW.where_given, 'indication', NEW.indication, 'note', NEW.note, 'created_at', NEW.created_at));
END;

DROP TRIGGER IF EXISTS external_doses_audit_update;
CREATE TRIGGER external_doses_audit_update AFTER UPDATE ON external_doses WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'external_doses', NEW.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'product_id', OLD.product_id, 'units', OLD.units, 'where_given', OLD.where_given, 'indication', OLD.indication, 'note', OLD.note, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'patient_id', NEW.patient_id, 'date', NEW.date, 'product_id', NEW.product_id, 'units', NEW.units, 'where_given', NEW.where_given, 'indication', NEW.indication, 'note', NEW.note, 'created_at', NEW.created_at));
END;

DROP TRIGGER IF EXISTS external_doses_audit_delete;
CREATE TRIGGER external_doses_audit_delete AFTER DELETE ON external_doses WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'external_doses', OLD.id,
    json_object('id', OLD.id, 'patient_id', OLD.patient_id, 'date', OLD.date, 'product_id', OLD.product_id, 'units', OLD.units, 'where_given', OLD.where_given, 'indication', OLD.indication, 'note', OLD.note, 'created_at', OLD.created_at),
    NULL);
END;

DROP TRIGGER IF EXISTS follow_up_visits_audit_insert;
CREATE TRIGGER follow_up_visits_audit_insert AFTER INSERT ON follow_up_visits WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'follow_up_visits', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'date', NEW.date, 'clinician_name', NEW.clinician_name, 'satisfaction', NEW.satisfaction, 'onset_date', NEW.onset_date, 'wear_off_date', NEW.wear_off_date, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS follow_up_visits_audit_update;
CREATE TRIGGER follow_up_visits_audit_update AFTER UPDATE ON follow_up_visits WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'follow_up_visits', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'date', OLD.date, 'clinician_name', OLD.clinician_name, 'satisfaction', OLD.satisfaction, 'onset_date', OLD.onset_date, 'wear_off_date', OLD.wear_off_date, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'date', NEW.date, 'clinician_name', NEW.clinician_name, 'satisfaction', NEW.satisfaction, 'onset_date', NEW.onset_date, 'wear_off_date', NEW.wear_off_date, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS follow_up_visits_audit_delete;
CREATE TRIGGER follow_up_visits_audit_delete AFTER DELETE ON follow_up_visits WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'follow_up_visits', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'date', OLD.date, 'clinician_name', OLD.clinician_name, 'satisfaction', OLD.satisfaction, 'onset_date', OLD.onset_date, 'wear_off_date', OLD.wear_off_date, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER IF EXISTS follow_up_scores_audit_insert;
CREATE TRIGGER follow_up_scores_audit_insert AFTER INSERT ON follow_up_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'follow_up_scores', NEW.id,
    NULL,
    json_object('id', NEW.id, 'follow_up_id', NEW.follow_up_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at),
    (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id));
END;

DROP TRIGGER IF EXISTS follow_up_scores_audit_update;
CREATE TRIGGER follow_up_scores_audit_update AFTER UPDATE ON follow_up_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'follow_up_scores', NEW.id,
    json_object('id', OLD.id, 'follow_up_id', OLD.follow_up_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'follow_up_id', NEW.follow_up_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at),
    (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id));
END;

DROP TRIGGER IF EXISTS follow_up_scores_audit_delete;
CREATE TRIGGER follow_up_scores_audit_delete AFTER DELETE ON follow_up_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'follow_up_scores', OLD.id,
    json_object('id', OLD.id, 'follow_up_id', OLD.follow_up_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    NULL,
    (SELECT session_id FROM follow_up_visits WHERE id = OLD.follow_up_id));
END;

DROP TRIGGER IF EXISTS follow_up_adverse_events_audit_insert;
CREATE TRIGGER follow_up_adverse_events_audit_insert AFTER INSERT ON follow_up_adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'follow_up_adverse_events', NEW.id,
    NULL,
    json_object('id', NEW.id, 'follow_up_id', NEW.follow_up_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'serious', NEW.serious, 'relatedness', NEW.relatedness, 'outcome', NEW.outcome, 'created_at', NEW.created_at),
    (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id));
END;

DROP TRIGGER IF EXISTS follow_up_adverse_events_audit_update;
CREATE TRIGGER follow_up_adverse_events_audit_update AFTER UPDATE ON follow_up_adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'follow_up_adverse_events', NEW.id,
    json_object('id', OLD.id, 'follow_up_id', OLD.follow_up_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'serious', OLD.serious, 'relatedness', OLD.relatedness, 'outcome', OLD.outcome, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'follow_up_id', NEW.follow_up_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'serious', NEW.serious, 'relatedness', NEW.relatedness, 'outcome', NEW.outcome, 'created_at', NEW.created_at),
    (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id));
END;

DROP TRIGGER IF EXISTS follow_up_adverse_events_audit_delete;
CREATE TRIGGER follow_up_adverse_events_audit_delete AFTER DELETE ON follow_up_adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'follow_up_adverse_events', OLD.id,
    json_object('id', OLD.id, 'follow_up_id', OLD.follow_up_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'serious', OLD.serious, 'relatedness', OLD.relatedness, 'outcome', OLD.outcome, 'created_at', OLD.created_at),
    NULL,
    (SELECT session_id FROM follow_up_visits WHERE id = OLD.follow_up_id));
END;

DROP TRIGGER IF EXISTS muscle_scores_audit_insert;
CREATE TRIGGER muscle_scores_audit_insert AFTER INSERT ON muscle_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'muscle_scores', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'follow_up_id', NEW.follow_up_id, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'scale_id', NEW.scale_id, 'value', NEW.value, 'created_at', NEW.created_at),
    coalesce(NEW.session_id, (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id)));
END;

DROP TRIGGER IF EXISTS muscle_scores_audit_update;
CREATE TRIGGER muscle_scores_audit_update AFTER UPDATE ON muscle_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'muscle_scores', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'follow_up_id', OLD.follow_up_id, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'scale_id', OLD.scale_id, 'value', OLD.value, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'follow_up_id', NEW.follow_up_id, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'scale_id', NEW.scale_id, 'value', NEW.value, 'created_at', NEW.created_at),
    coalesce(NEW.session_id, (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id)));
END;

DROP TRIGGER IF EXISTS muscle_scores_audit_delete;
CREATE TRIGGER muscle_scores_audit_delete AFTER DELETE ON muscle_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'muscle_scores', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'follow_up_id', OLD.follow_up_id, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'scale_id', OLD.scale_id, 'value', OLD.value, 'created_at', OLD.created_at),
    NULL,
    coalesce(OLD.session_id, (SELECT session_id FROM follow_up_visits WHERE id = OLD.follow_up_id)));
END;

DROP TRIGGER IF EXISTS settings_audit_insert;
CREATE TRIGGER settings_audit_insert AFTER INSERT ON settings WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'settings', NEW.key,
    NULL,
    json_object('key', NEW.key, 'value', json(NEW.value), 'updated_at', NEW.updated_at));
END;

DROP TRIGGER IF EXISTS settings_audit_update;
CREATE TRIGGER settings_audit_update AFTER UPDATE ON settings WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'settings', NEW.key,
    json_object('key', OLD.key, 'value', json(OLD.value), 'updated_at', OLD.updated_at),
    json_object('key', NEW.key, 'value', json(NEW.value), 'updated_at', NEW.updated_at));
END;

DROP TRIGGER IF EXISTS settings_audit_delete;
CREATE TRIGGER settings_audit_delete AFTER DELETE ON settings WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'settings', OLD.key,
    json_object('key', OLD.key, 'value', json(OLD.value), 'updated_at', OLD.updated_at),
    NULL);
END;

DROP TRIGGER IF EXISTS session_patterns_audit_insert;
CREATE TRIGGER session_patterns_audit_insert AFTER INSERT ON session_patterns WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'session_patterns', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'pattern_id', NEW.pattern_id, 'pattern_name', NEW.pattern_name, 'direction', NEW.direction, 'accepted', NEW.accepted, 'applied_at', NEW.applied_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS session_patterns_audit_update;
CREATE TRIGGER session_patterns_audit_update AFTER UPDATE ON session_patterns WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'session_patterns', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'pattern_id', OLD.pattern_id, 'pattern_name', OLD.pattern_name, 'direction', OLD.direction, 'accepted', OLD.accepted, 'applied_at', OLD.applied_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'pattern_id', NEW.pattern_id, 'pattern_name', NEW.pattern_name, 'direction', NEW.direction, 'accepted', NEW.accepted, 'applied_at', NEW.applied_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS session_patterns_audit_delete;
CREATE TRIGGER session_patterns_audit_delete AFTER DELETE ON session_patterns WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'session_patterns', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'pattern_id', OLD.pattern_id, 'pattern_name', OLD.pattern_name, 'direction', OLD.direction, 'accepted', OLD.accepted, 'applied_at', OLD.applied_at),
    NULL,
    OLD.session_id);
END;

DROP TRIGGER IF EXISTS session_origins_audit_insert;
CREATE TRIGGER session_origins_audit_insert AFTER INSERT ON session_origins WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'session_origins', NEW.session_id,
    NULL,
    json_object('session_id', NEW.session_id, 'from_session_id', NEW.from_session_id, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS session_origins_audit_update;
CREATE TRIGGER session_origins_audit_update AFTER UPDATE ON session_origins WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'session_origins', NEW.session_id,
    json_object('session_id', OLD.session_id, 'from_session_id', OLD.from_session_id, 'created_at', OLD.created_at),
    json_object('session_id', NEW.session_id, 'from_session_id', NEW.from_session_id, 'created_at', NEW.created_at),
    NEW.session_id);
END;

DROP TRIGGER IF EXISTS session_origins_audit_delete;
CREATE TRIGGER session_origins_audit_delete AFTER DELETE ON session_origins WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'session_origins', OLD.session_id,
    json_object('session_id', OLD.session_id, 'from_session_id', OLD.from_session_id, 'created_at', OLD.created_at),
    NULL,
    OLD.session_id);
END;
-- generated audit triggers: end
