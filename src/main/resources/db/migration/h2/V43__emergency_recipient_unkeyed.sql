-- PostgreSQL drops the recipients' foreign key to their directive for a city-wide directive's
-- speed (see postgresql/V43); the embedded database, which holds a demo district, keeps it.
COMMENT ON TABLE emergency_recipient IS 'written only with its directive, in the same transaction';
