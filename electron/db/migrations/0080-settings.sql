-- The app's settings (shared/domain/settings.ts): one row per key, the value as JSON. A key that was
-- never saved has no row and reads as its default, so a fresh database holds no settings rows.
-- Like every table of the record, each change writes an audit row with the value before and after.

CREATE TABLE settings (
  key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER settings_audit_insert AFTER INSERT ON settings WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'settings', NEW.key,
    NULL,
    json_object('key', NEW.key, 'value', json(NEW.value), 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER settings_audit_update AFTER UPDATE ON settings WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'settings', NEW.key,
    json_object('key', OLD.key, 'value', json(OLD.value), 'updated_at', OLD.updated_at),
    json_object('key', NEW.key, 'value', json(NEW.value), 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER settings_audit_delete AFTER DELETE ON settings WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'settings', OLD.key,
    json_object('key', OLD.key, 'value', json(OLD.value), 'updated_at', OLD.updated_at),
    NULL);
END;
