-- Residents are counted at their district and sub-district as well as their community, so a
-- place's statistics add up its children's rows only: a district reads a few tens of thousands
-- of sub-district rows instead of hundreds of thousands of community rows. depth is the place's
-- level (1 district, 2 sub-district, 3 community). Existing community rows are rolled up.
ALTER TABLE population_tally RENAME COLUMN community_path TO place_path;
ALTER TABLE population_tally ADD COLUMN depth SMALLINT NOT NULL DEFAULT 3;
ALTER TABLE population_tally ALTER COLUMN depth DROP DEFAULT;
INSERT INTO population_tally (place_path, depth, sex, birth_month, registration, residents)
SELECT regexp_replace(place_path, '/[^/]+$', ''), 2, sex, birth_month, registration, sum(residents)
  FROM population_tally WHERE depth = 3 GROUP BY 1, 3, 4, 5;
INSERT INTO population_tally (place_path, depth, sex, birth_month, registration, residents)
SELECT regexp_replace(place_path, '/[^/]+$', ''), 1, sex, birth_month, registration, sum(residents)
  FROM population_tally WHERE depth = 2 GROUP BY 1, 3, 4, 5;
DROP INDEX population_tally_path_idx;
CREATE INDEX population_tally_path_idx ON population_tally (depth, place_path varchar_pattern_ops, sex, birth_month, registration)
    INCLUDE (residents);
ANALYZE population_tally;
