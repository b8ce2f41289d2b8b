-- Audit ids come from audit_record_ids (see V35), continuing after the rows there are. (The
-- embedded database has one user; the PostgreSQL twin of this file also takes back privileges.)
ALTER SEQUENCE audit_record_ids RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_record);
ALTER TABLE audit_record ALTER COLUMN id DROP IDENTITY;
ALTER TABLE audit_record ALTER COLUMN id SET DEFAULT NEXT VALUE FOR audit_record_ids;
INSERT INTO audit_identity (log_id) VALUES (CAST(RANDOM_UUID() AS VARCHAR(36)));
