-- Scoped queries filter by path prefix (path LIKE '/5101/510104/%'); H2 uses a plain index for that.
CREATE INDEX geography_unit_path_idx ON geography_unit (path);
