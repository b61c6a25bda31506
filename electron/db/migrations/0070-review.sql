-- The review of a patient's treatment (issue: history at a glance, follow-up, worklist, lot recall):
--   * a follow-up visit at peak effect (4 to 6 weeks) linked to the treatment session of its cycle, with the
--     scores recorded then, the patient's satisfaction, the onset and wear-off dates the patient reports, and
--     adverse events with seriousness and relatedness;
--   * grades per muscle and side (Modified Ashworth), at the treatment session (before injecting) or at the
--     follow-up visit;
--   * indexes for the worklist (drafts, recent activity) and for lot recall (prefix search over vial lots).
-- Same guarantees as 0020/0040/0050: every change is audited, filed under the treated session, and grades
-- recorded at a signed session are frozen with it. A follow-up visit happens after the session is signed,
-- so it stays editable (and audited) whatever the session's status.

CREATE TABLE follow_up_visits (
  id             TEXT PRIMARY KEY NOT NULL,
  session_id     TEXT NOT NULL REFERENCES sessions(id),   -- the treatment session whose effect is reviewed
  date           TEXT NOT NULL,                           -- YYYY-MM-DD
  clinician_name TEXT NOT NULL DEFAULT '',
  satisfaction   INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 0 AND 10),   -- 0 not at all .. 10 completely
  onset_date     TEXT,                                    -- first effect noticed, as the patient reports it
  wear_off_date  TEXT,                                    -- effect wearing off, as the patient reports it
  notes          TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (wear_off_date IS NULL OR onset_date IS NULL OR wear_off_date >= onset_date)
) STRICT;
CREATE INDEX follow_ups_by_session ON follow_up_visits(session_id, date);

-- Scores of the follow-up visit (same scale ids and values as outcome_scores, global impressions included).
CREATE TABLE follow_up_scores (
  id           TEXT PRIMARY KEY NOT NULL,
  follow_up_id TEXT NOT NULL REFERENCES follow_up_visits(id),
  scale_id     TEXT NOT NULL,
  value        TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX follow_up_scores_by_visit ON follow_up_scores(follow_up_id);

CREATE TABLE follow_up_adverse_events (
  id           TEXT PRIMARY KEY NOT NULL,
  follow_up_id TEXT NOT NULL REFERENCES follow_up_visits(id),
  onset_date   TEXT,
  description  TEXT NOT NULL CHECK (length(trim(description)) > 0),
  severity     TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
  serious      INTEGER NOT NULL DEFAULT 0 CHECK (serious IN (0, 1)),
  relatedness  TEXT NOT NULL CHECK (relatedness IN ('not_related', 'unlikely', 'possible', 'probable', 'certain')),
  outcome      TEXT NOT NULL DEFAULT 'unknown' CHECK (outcome IN ('resolved', 'resolving', 'ongoing', 'unknown')),
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX follow_up_events_by_visit ON follow_up_adverse_events(follow_up_id);

-- A grade per muscle and side, owned by exactly one of a session or a follow-up visit.
CREATE TABLE muscle_scores (
  id           TEXT PRIMARY KEY NOT NULL,
  session_id   TEXT REFERENCES sessions(id),
  follow_up_id TEXT REFERENCES follow_up_visits(id),
  muscle_id    TEXT NOT NULL,
  side         TEXT NOT NULL CHECK (side IN ('left', 'right', 'midline')),
  scale_id     TEXT NOT NULL,
  value        TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  CHECK ((session_id IS NULL) <> (follow_up_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX muscle_scores_of_session ON muscle_scores(session_id, muscle_id, side, scale_id) WHERE session_id IS NOT NULL;
CREATE UNIQUE INDEX muscle_scores_of_follow_up ON muscle_scores(follow_up_id, muscle_id, side, scale_id) WHERE follow_up_id IS NOT NULL;

CREATE TRIGGER muscle_scores_signed_no_insert BEFORE INSERT ON muscle_scores
  WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER muscle_scores_signed_no_update BEFORE UPDATE ON muscle_scores
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
    OR (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER muscle_scores_signed_no_delete BEFORE DELETE ON muscle_scores
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

-- Audit: every row filed under the treated session, so the session's history shows its follow-up too.

CREATE TRIGGER follow_up_visits_audit_insert AFTER INSERT ON follow_up_visits WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'follow_up_visits', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'date', NEW.date, 'clinician_name', NEW.clinician_name, 'satisfaction', NEW.satisfaction, 'onset_date', NEW.onset_date, 'wear_off_date', NEW.wear_off_date, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.session_id);
END;

CREATE TRIGGER follow_up_visits_audit_update AFTER UPDATE ON follow_up_visits WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'follow_up_visits', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'date', OLD.date, 'clinician_name', OLD.clinician_name, 'satisfaction', OLD.satisfaction, 'onset_date', OLD.onset_date, 'wear_off_date', OLD.wear_off_date, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'date', NEW.date, 'clinician_name', NEW.clinician_name, 'satisfaction', NEW.satisfaction, 'onset_date', NEW.onset_date, 'wear_off_date', NEW.wear_off_date, 'notes', NEW.notes, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.session_id);
END;

CREATE TRIGGER follow_up_visits_audit_delete AFTER DELETE ON follow_up_visits WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'follow_up_visits', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'date', OLD.date, 'clinician_name', OLD.clinician_name, 'satisfaction', OLD.satisfaction, 'onset_date', OLD.onset_date, 'wear_off_date', OLD.wear_off_date, 'notes', OLD.notes, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL,
    OLD.session_id);
END;

CREATE TRIGGER follow_up_scores_audit_insert AFTER INSERT ON follow_up_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'follow_up_scores', NEW.id,
    NULL,
    json_object('id', NEW.id, 'follow_up_id', NEW.follow_up_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at),
    (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id));
END;

CREATE TRIGGER follow_up_scores_audit_update AFTER UPDATE ON follow_up_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'follow_up_scores', NEW.id,
    json_object('id', OLD.id, 'follow_up_id', OLD.follow_up_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'follow_up_id', NEW.follow_up_id, 'scale_id', NEW.scale_id, 'value', NEW.value, 'note', NEW.note, 'created_at', NEW.created_at),
    (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id));
END;

CREATE TRIGGER follow_up_scores_audit_delete AFTER DELETE ON follow_up_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'follow_up_scores', OLD.id,
    json_object('id', OLD.id, 'follow_up_id', OLD.follow_up_id, 'scale_id', OLD.scale_id, 'value', OLD.value, 'note', OLD.note, 'created_at', OLD.created_at),
    NULL,
    (SELECT session_id FROM follow_up_visits WHERE id = OLD.follow_up_id));
END;

CREATE TRIGGER follow_up_adverse_events_audit_insert AFTER INSERT ON follow_up_adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'follow_up_adverse_events', NEW.id,
    NULL,
    json_object('id', NEW.id, 'follow_up_id', NEW.follow_up_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'serious', NEW.serious, 'relatedness', NEW.relatedness, 'outcome', NEW.outcome, 'created_at', NEW.created_at),
    (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id));
END;

CREATE TRIGGER follow_up_adverse_events_audit_update AFTER UPDATE ON follow_up_adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'follow_up_adverse_events', NEW.id,
    json_object('id', OLD.id, 'follow_up_id', OLD.follow_up_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'serious', OLD.serious, 'relatedness', OLD.relatedness, 'outcome', OLD.outcome, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'follow_up_id', NEW.follow_up_id, 'onset_date', NEW.onset_date, 'description', NEW.description, 'severity', NEW.severity, 'serious', NEW.serious, 'relatedness', NEW.relatedness, 'outcome', NEW.outcome, 'created_at', NEW.created_at),
    (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id));
END;

CREATE TRIGGER follow_up_adverse_events_audit_delete AFTER DELETE ON follow_up_adverse_events WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'follow_up_adverse_events', OLD.id,
    json_object('id', OLD.id, 'follow_up_id', OLD.follow_up_id, 'onset_date', OLD.onset_date, 'description', OLD.description, 'severity', OLD.severity, 'serious', OLD.serious, 'relatedness', OLD.relatedness, 'outcome', OLD.outcome, 'created_at', OLD.created_at),
    NULL,
    (SELECT session_id FROM follow_up_visits WHERE id = OLD.follow_up_id));
END;

CREATE TRIGGER muscle_scores_audit_insert AFTER INSERT ON muscle_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'muscle_scores', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'follow_up_id', NEW.follow_up_id, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'scale_id', NEW.scale_id, 'value', NEW.value, 'created_at', NEW.created_at),
    coalesce(NEW.session_id, (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id)));
END;

CREATE TRIGGER muscle_scores_audit_update AFTER UPDATE ON muscle_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'muscle_scores', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'follow_up_id', OLD.follow_up_id, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'scale_id', OLD.scale_id, 'value', OLD.value, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'follow_up_id', NEW.follow_up_id, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'scale_id', NEW.scale_id, 'value', NEW.value, 'created_at', NEW.created_at),
    coalesce(NEW.session_id, (SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id)));
END;

CREATE TRIGGER muscle_scores_audit_delete AFTER DELETE ON muscle_scores WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'muscle_scores', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'follow_up_id', OLD.follow_up_id, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'scale_id', OLD.scale_id, 'value', OLD.value, 'created_at', OLD.created_at),
    NULL,
    coalesce(OLD.session_id, (SELECT session_id FROM follow_up_visits WHERE id = OLD.follow_up_id)));
END;

-- Worklist: unsigned drafts by age, and the latest activity (a few rows read from the newest end).
CREATE INDEX sessions_drafts_by_created ON sessions(created_at) WHERE status = 'draft';
CREATE INDEX sessions_by_updated ON sessions(updated_at);
CREATE INDEX patients_by_created ON patients(created_at);
-- Worklist: each patient's latest signed session and its next due date, read from the index alone.
CREATE INDEX sessions_signed_by_patient ON sessions(patient_id, date, created_at, next_due_date) WHERE status = 'signed';

-- Lot recall: prefix search, case-insensitive (lots are printed in capitals and typed either way).
CREATE INDEX vials_by_lot ON session_vials(upper(lot));
