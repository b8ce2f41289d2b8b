-- A district's statistics read a few hundred thousand tally rows: a covering index makes that an
-- index-only scan (no visits to the table).
DROP INDEX population_tally_path_idx;
CREATE INDEX population_tally_path_idx ON population_tally (community_path varchar_pattern_ops, sex, birth_month, registration)
    INCLUDE (residents);
