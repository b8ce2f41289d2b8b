-- The log's chain becomes keyed: each row's hash is an HMAC under a key kept outside the database
-- (derived from GONGZHI_SECRET_KEY), so whoever can write the tables cannot compute the chain again
-- after changing a row (plain SHA-256 could be). Rows name the row before them in their chain
-- (prev_id, under the hash), so a deleted row is named by its id; ids are drawn from a sequence
-- before the rows are hashed. Existing rows keep their SHA-256 (keyed = false); the first keyed row
-- of each chain binds the last of them. audit_identity names this log in the checkpoints written
-- outside the database (see audit.internal.Checkpoints).
ALTER TABLE audit_record ADD COLUMN prev_id BIGINT;
ALTER TABLE audit_record ADD COLUMN keyed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE audit_chain ADD COLUMN last_id BIGINT;
UPDATE audit_chain SET last_id = (SELECT r.id FROM audit_record r WHERE r.chain = audit_chain.chain AND r.seq = audit_chain.seq);
CREATE SEQUENCE audit_record_ids;
CREATE TABLE audit_identity (
    log_id CHAR(36) NOT NULL
);
