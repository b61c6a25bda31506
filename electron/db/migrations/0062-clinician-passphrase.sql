-- Authenticated signing: a clinician account may carry a passphrase, stored only as a scrypt hash
-- ('scrypt$N$r$p$salt$hash', electron/trust/passphrase.ts). When it is set, signing, amending and
-- changing the profile ask for it. The hash never enters the audit log: the clinicians audit triggers
-- name their columns, and this one is excluded (electron/db/audit-sql.ts).
ALTER TABLE clinicians ADD COLUMN passphrase_hash TEXT CHECK (passphrase_hash IS NULL OR passphrase_hash LIKE 'scrypt$%');
