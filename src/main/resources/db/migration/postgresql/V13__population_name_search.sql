-- A search by name inside a jurisdiction: the name index carries the path (and status), so the
-- jurisdiction is checked inside the index and only matching residents are read from the table.
-- Finer statistics on path and name: a community is a tiny slice of 21 million rows, and the
-- planner needs to see that to choose between the path and the name index.
DROP INDEX population_resident_name_idx;
CREATE INDEX population_resident_name_idx ON population_resident (name varchar_pattern_ops, path varchar_pattern_ops) INCLUDE (status);
ALTER TABLE population_resident ALTER COLUMN path SET STATISTICS 1000;
ALTER TABLE population_resident ALTER COLUMN name SET STATISTICS 1000;
ANALYZE population_resident;
