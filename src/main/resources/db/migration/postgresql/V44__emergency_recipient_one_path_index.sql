-- A directive's rows are found by their directive and the place they lie under, both for its
-- progress (one place's children) and for a reader's inbox (the directives issued above or inside
-- the reader's places, then their rows there): one index of (directive, path) serves both as a
-- range when it has the pattern operator class (see V6), and a city-wide directive writes its
-- 223,213 rows into two indexes instead of three.
DROP INDEX emergency_recipient_by_path;
DROP INDEX emergency_recipient_path;
CREATE INDEX emergency_recipient_path ON emergency_recipient (directive_id, path varchar_pattern_ops);
