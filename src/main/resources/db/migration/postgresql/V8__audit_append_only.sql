-- On PostgreSQL the log is append-only for everyone who connects through the application,
-- superusers included: an UPDATE, DELETE or TRUNCATE of audit rows is refused. Moving rows
-- older than the retention period to an archive is a DBA's job, done with the trigger disabled
-- after `java -jar gongzhi.jar export audit` has written them out and `verify audit` checked them.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
