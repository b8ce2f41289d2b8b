-- Scoped queries filter cases by path prefix (pattern operator class, see V6).
CREATE INDEX casework_case_path_idx ON casework_case (path varchar_pattern_ops, id);
