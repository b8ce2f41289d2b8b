-- Scoped queries filter cases by path prefix; H2 uses plain indexes for LIKE 'prefix%'.
CREATE INDEX casework_case_path_idx ON casework_case (path, id);
