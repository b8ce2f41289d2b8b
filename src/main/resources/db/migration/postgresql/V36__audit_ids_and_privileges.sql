-- Audit ids come from audit_record_ids (see V35), continuing after the rows there are.
SELECT setval('audit_record_ids', (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_record), false);
ALTER TABLE audit_record ALTER COLUMN id DROP IDENTITY;
ALTER TABLE audit_record ALTER COLUMN id SET DEFAULT nextval('audit_record_ids');
INSERT INTO audit_identity (log_id) VALUES (gen_random_uuid()::text);

-- The application's role (which owns nothing: `gongzhi database init`) may read and add audit rows,
-- never change or remove them, nor the log's identity: whatever a default privilege or an earlier
-- grant gave any role but the owner is taken back. The owner is stopped by the trigger of V8, and
-- only the owner could switch it off.
DO $$
DECLARE
    target record;
BEGIN
    FOR target IN
        SELECT DISTINCT c.relname AS tab, r.rolname AS grantee
          FROM pg_class c, aclexplode(c.relacl) a JOIN pg_roles r ON r.oid = a.grantee
         WHERE c.relname IN ('audit_record', 'audit_identity') AND c.relnamespace = current_schema()::regnamespace
           AND a.grantee <> c.relowner AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'INSERT')
    LOOP
        IF target.tab = 'audit_record' THEN
            EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_record FROM %I', target.grantee);
        ELSE
            EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_identity FROM %I', target.grantee);
        END IF;
    END LOOP;
END $$;
