-- Scoped queries filter by path prefix; H2 uses plain indexes for LIKE 'prefix%'.
CREATE INDEX population_household_path_idx ON population_household (path);
CREATE INDEX population_resident_path_idx ON population_resident (path, name);
CREATE INDEX population_resident_name_idx ON population_resident (name);
CREATE INDEX population_resident_care_path_idx ON population_resident_care (path, care_group);
