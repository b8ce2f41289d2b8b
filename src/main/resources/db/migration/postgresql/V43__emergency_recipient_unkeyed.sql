-- A city-wide directive writes some 220,000 recipient rows in the issuing transaction; checking
-- each row's directive against emergency_directive costs a third of that time on PostgreSQL. The
-- rows are only ever written by Directives.issue, right after their directive in the same
-- transaction, and directives are never deleted, so the check guards nothing the code does not.
ALTER TABLE emergency_recipient DROP CONSTRAINT emergency_recipient_directive_id_fkey;
COMMENT ON TABLE emergency_recipient IS 'written only with its directive, in the same transaction (no foreign key: see V43)';
