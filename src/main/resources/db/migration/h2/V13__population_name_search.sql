-- As on PostgreSQL: the name index carries the path, so the jurisdiction is checked inside it.
DROP INDEX population_resident_name_idx;
CREATE INDEX population_resident_name_idx ON population_resident (name, path);
