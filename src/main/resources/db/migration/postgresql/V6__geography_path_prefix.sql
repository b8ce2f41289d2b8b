-- Scoped queries filter by path prefix (path LIKE '/5101/510104/%'); under a non-C collation
-- PostgreSQL uses a b-tree for LIKE only with the pattern operator class.
CREATE INDEX geography_unit_path_idx ON geography_unit (path varchar_pattern_ops);
