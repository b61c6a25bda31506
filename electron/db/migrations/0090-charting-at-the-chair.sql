-- Charting at the chair (patterns, mirror, copy forward, eye detail):
--   * sites.location: which part of the muscle a site is in ("upper lid, medial", "sternal head"), taken from the
--     diagram region its point lies in when it is placed or moved, so lists, totals and summaries say which lid;
--   * sites.copied_from: for a site carried forward from an earlier session, that site's id (no foreign key: the
--     earlier session may be a draft that is later discarded; the id then simply finds nothing);
--   * session_patterns: the injection patterns the clinician applied in a session (pattern id and name as shown,
--     the direction chosen, and what was accepted), added and removed with the sites they placed;
--   * session_origins: the earlier session a session was copied forward from.
-- Same guarantees as 0020/0040/0050: rows under a signed session are frozen by BEFORE triggers, and every change
-- writes an audit row filed under its session.

ALTER TABLE sites ADD COLUMN location TEXT CHECK (location IS NULL OR length(location) BETWEEN 1 AND 80);
ALTER TABLE sites ADD COLUMN copied_from TEXT;

DROP TRIGGER sites_audit_insert;
CREATE TRIGGER sites_audit_insert AFTER INSERT ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'sites', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'guidance', NEW.guidance, 'note', NEW.note, 'location', NEW.location, 'copied_from', NEW.copied_from, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.session_id);
END;

DROP TRIGGER sites_audit_update;
CREATE TRIGGER sites_audit_update AFTER UPDATE ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'sites', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'guidance', OLD.guidance, 'note', OLD.note, 'location', OLD.location, 'copied_from', OLD.copied_from, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'seq', NEW.seq, 'diagram_id', NEW.diagram_id, 'diagram_version', NEW.diagram_version, 'x', NEW.x, 'y', NEW.y, 'muscle_id', NEW.muscle_id, 'side', NEW.side, 'units', NEW.units, 'guidance', NEW.guidance, 'note', NEW.note, 'location', NEW.location, 'copied_from', NEW.copied_from, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NEW.session_id);
END;

DROP TRIGGER sites_audit_delete;
CREATE TRIGGER sites_audit_delete AFTER DELETE ON sites WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'sites', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'seq', OLD.seq, 'diagram_id', OLD.diagram_id, 'diagram_version', OLD.diagram_version, 'x', OLD.x, 'y', OLD.y, 'muscle_id', OLD.muscle_id, 'side', OLD.side, 'units', OLD.units, 'guidance', OLD.guidance, 'note', OLD.note, 'location', OLD.location, 'copied_from', OLD.copied_from, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    NULL,
    OLD.session_id);
END;

CREATE TABLE session_patterns (
  id           TEXT PRIMARY KEY NOT NULL,
  session_id   TEXT NOT NULL REFERENCES sessions(id),
  pattern_id   TEXT NOT NULL,                 -- resources/reference/patterns.json patterns[].id
  pattern_name TEXT NOT NULL,                 -- as shown when applied (a later version may rename it)
  direction    TEXT CHECK (direction IS NULL OR direction IN ('left', 'right')),
  -- JSON [{muscleId, side, units}]: what the clinician accepted from the proposal (units null where none was typed).
  accepted     TEXT NOT NULL CHECK (json_valid(accepted)),
  applied_at   TEXT NOT NULL
) STRICT;
CREATE INDEX session_patterns_by_session ON session_patterns(session_id, applied_at);

CREATE TABLE session_origins (
  session_id      TEXT PRIMARY KEY NOT NULL REFERENCES sessions(id),
  from_session_id TEXT NOT NULL,              -- the earlier session of the same patient (no foreign key: see above)
  created_at      TEXT NOT NULL
) STRICT;

CREATE TRIGGER session_patterns_signed_no_insert BEFORE INSERT ON session_patterns
  WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER session_patterns_signed_no_update BEFORE UPDATE ON session_patterns
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
    OR (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER session_patterns_signed_no_delete BEFORE DELETE ON session_patterns
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER session_origins_signed_no_insert BEFORE INSERT ON session_origins
  WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER session_origins_signed_no_update BEFORE UPDATE ON session_origins
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
    OR (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;
CREATE TRIGGER session_origins_signed_no_delete BEFORE DELETE ON session_origins
  WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'SIGNED_IMMUTABLE: a signed session cannot be changed; record an amendment');
END;

CREATE TRIGGER session_patterns_audit_insert AFTER INSERT ON session_patterns WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'session_patterns', NEW.id,
    NULL,
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'pattern_id', NEW.pattern_id, 'pattern_name', NEW.pattern_name, 'direction', NEW.direction, 'accepted', NEW.accepted, 'applied_at', NEW.applied_at),
    NEW.session_id);
END;

CREATE TRIGGER session_patterns_audit_update AFTER UPDATE ON session_patterns WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'session_patterns', NEW.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'pattern_id', OLD.pattern_id, 'pattern_name', OLD.pattern_name, 'direction', OLD.direction, 'accepted', OLD.accepted, 'applied_at', OLD.applied_at),
    json_object('id', NEW.id, 'session_id', NEW.session_id, 'pattern_id', NEW.pattern_id, 'pattern_name', NEW.pattern_name, 'direction', NEW.direction, 'accepted', NEW.accepted, 'applied_at', NEW.applied_at),
    NEW.session_id);
END;

CREATE TRIGGER session_patterns_audit_delete AFTER DELETE ON session_patterns WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'session_patterns', OLD.id,
    json_object('id', OLD.id, 'session_id', OLD.session_id, 'pattern_id', OLD.pattern_id, 'pattern_name', OLD.pattern_name, 'direction', OLD.direction, 'accepted', OLD.accepted, 'applied_at', OLD.applied_at),
    NULL,
    OLD.session_id);
END;

CREATE TRIGGER session_origins_audit_insert AFTER INSERT ON session_origins WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'insert', 'session_origins', NEW.session_id,
    NULL,
    json_object('session_id', NEW.session_id, 'from_session_id', NEW.from_session_id, 'created_at', NEW.created_at),
    NEW.session_id);
END;

CREATE TRIGGER session_origins_audit_update AFTER UPDATE ON session_origins WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'update', 'session_origins', NEW.session_id,
    json_object('session_id', OLD.session_id, 'from_session_id', OLD.from_session_id, 'created_at', OLD.created_at),
    json_object('session_id', NEW.session_id, 'from_session_id', NEW.from_session_id, 'created_at', NEW.created_at),
    NEW.session_id);
END;

CREATE TRIGGER session_origins_audit_delete AFTER DELETE ON session_origins WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after, session_id)
  VALUES (audit_now(), audit_author(), 'delete', 'session_origins', OLD.session_id,
    json_object('session_id', OLD.session_id, 'from_session_id', OLD.from_session_id, 'created_at', OLD.created_at),
    NULL,
    OLD.session_id);
END;
