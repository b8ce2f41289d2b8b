-- Scoped queries filter by path prefix (pattern operator class, see V6). The resident path
-- index covers what statistics group by, so a district's figures are an index-only scan of the
-- people living there; the name index serves a search by name across a large jurisdiction.
CREATE INDEX population_household_path_idx ON population_household (path varchar_pattern_ops);
CREATE INDEX population_resident_path_idx ON population_resident (path varchar_pattern_ops, name)
    INCLUDE (sex, birth_date, registration, status);
CREATE INDEX population_resident_name_idx ON population_resident (name varchar_pattern_ops);
CREATE INDEX population_resident_care_path_idx ON population_resident_care (path varchar_pattern_ops, care_group);
