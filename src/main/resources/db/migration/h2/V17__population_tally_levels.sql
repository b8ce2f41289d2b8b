-- Residents are counted at their district and sub-district as well as their community, so a
-- place's statistics add up its children's rows only. depth is the place's level (1 district,
-- 2 sub-district, 3 community). Existing community rows are rolled up.
ALTER TABLE population_tally ALTER COLUMN community_path RENAME TO place_path;
ALTER TABLE population_tally ADD COLUMN depth SMALLINT DEFAULT 3 NOT NULL;
INSERT INTO population_tally (place_path, depth, sex, birth_month, registration, residents)
SELECT REGEXP_REPLACE(place_path, '/[^/]+$', ''), 2, sex, birth_month, registration, SUM(residents)
  FROM population_tally WHERE depth = 3 GROUP BY REGEXP_REPLACE(place_path, '/[^/]+$', ''), sex, birth_month, registration;
INSERT INTO population_tally (place_path, depth, sex, birth_month, registration, residents)
SELECT REGEXP_REPLACE(place_path, '/[^/]+$', ''), 1, sex, birth_month, registration, SUM(residents)
  FROM population_tally WHERE depth = 2 GROUP BY REGEXP_REPLACE(place_path, '/[^/]+$', ''), sex, birth_month, registration;
CREATE INDEX population_tally_depth_idx ON population_tally (depth, place_path);
