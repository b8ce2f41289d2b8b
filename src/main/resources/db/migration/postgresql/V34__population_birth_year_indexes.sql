-- The indexes V33 dropped with the birth date and the old tally table, by birth year (see V18, V16).
CREATE INDEX population_resident_path_idx ON population_resident (path varchar_pattern_ops, name)
    INCLUDE (sex, birth_year, registration, status, id);
CREATE INDEX population_tally_path_idx ON population_tally (depth, place_path varchar_pattern_ops, sex, birth_year, registration)
    INCLUDE (residents);
ANALYZE population_tally;
ANALYZE population_resident;
