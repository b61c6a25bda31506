-- Several clinician accounts in one practice database. The profile that existed before this migration is
-- the first account (its row is kept as it is, still the current one); signatures keep their signer
-- (sessions.signed_by, the name as it was, and signer_id, the account, are not touched: both are sealed).
--   * deactivated_at: an account that left the practice. It can no longer sign, amend nor be chosen, but
--     stays in the record: an account is never deleted once a session names it.
--   * passphrase_set_at: when the passphrase was last set, so that setting or changing it shows in the
--     audit log (the hash itself never does: it is excluded from the row images, electron/db/audit-sql.ts).
-- The current account (is_current, at most one: one_current_clinician) charts, signs and authors changes.
ALTER TABLE clinicians ADD COLUMN deactivated_at TEXT;
ALTER TABLE clinicians ADD COLUMN passphrase_set_at TEXT;

-- A session names the account that charted it (clinician_id) or signed it (signer_id): that account stays.
CREATE TRIGGER clinicians_no_delete_in_record BEFORE DELETE ON clinicians
  WHEN EXISTS (SELECT 1 FROM sessions WHERE signer_id = OLD.id OR clinician_id = OLD.id) BEGIN
  SELECT RAISE(ABORT, 'ACCOUNT_IN_RECORD: a clinician account named by a session cannot be deleted; deactivate it');
END;

-- A deactivated account is never the current one.
CREATE TRIGGER clinicians_deactivated_not_current BEFORE UPDATE ON clinicians
  WHEN NEW.is_current = 1 AND NEW.deactivated_at IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'ACCOUNT_DEACTIVATED: a deactivated clinician account cannot be the current one');
END;

-- generated audit triggers: begin (npm run db:audit-triggers; do not edit by hand)
DROP TRIGGER IF EXISTS clinicians_audit_insert;
CREATE TRIGGER clinicians_audit_insert AFTER INSERT ON clinicians WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'insert', 'clinicians', NEW.id,
    NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'credentials', NEW.credentials, 'default_product_id', NEW.default_product_id, 'default_guidance', NEW.default_guidance, 'is_current', NEW.is_current, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deactivated_at', NEW.deactivated_at, 'passphrase_set_at', NEW.passphrase_set_at));
END;

DROP TRIGGER IF EXISTS clinicians_audit_update;
CREATE TRIGGER clinicians_audit_update AFTER UPDATE ON clinicians WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'update', 'clinicians', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name, 'credentials', OLD.credentials, 'default_product_id', OLD.default_product_id, 'default_guidance', OLD.default_guidance, 'is_current', OLD.is_current, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deactivated_at', OLD.deactivated_at, 'passphrase_set_at', OLD.passphrase_set_at),
    json_object('id', NEW.id, 'name', NEW.name, 'credentials', NEW.credentials, 'default_product_id', NEW.default_product_id, 'default_guidance', NEW.default_guidance, 'is_current', NEW.is_current, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deactivated_at', NEW.deactivated_at, 'passphrase_set_at', NEW.passphrase_set_at));
END;

DROP TRIGGER IF EXISTS clinicians_audit_delete;
CREATE TRIGGER clinicians_audit_delete AFTER DELETE ON clinicians WHEN audit_enabled() BEGIN
  INSERT INTO audit_log (at, author, action, entity, entity_id, before, after)
  VALUES (audit_now(), audit_author(), 'delete', 'clinicians', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name, 'credentials', OLD.credentials, 'default_product_id', OLD.default_product_id, 'default_guidance', OLD.default_guidance, 'is_current', OLD.is_current, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deactivated_at', OLD.deactivated_at, 'passphrase_set_at', OLD.passphrase_set_at),
    NULL);
END;
-- generated audit triggers: end
