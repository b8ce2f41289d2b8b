-- A search finds a page of residents' ids from one index alone, then reads only that page's rows:
-- in a large jurisdiction the name index (name, then path checked inside it), in a small one the
-- path index (the community's entries, name checked inside it). Both carry status and id.
DROP INDEX population_resident_name_idx;
CREATE INDEX population_resident_name_idx ON population_resident (name varchar_pattern_ops, path varchar_pattern_ops)
    INCLUDE (status, id);
DROP INDEX population_resident_path_idx;
CREATE INDEX population_resident_path_idx ON population_resident (path varchar_pattern_ops, name)
    INCLUDE (sex, birth_date, registration, status, id);
