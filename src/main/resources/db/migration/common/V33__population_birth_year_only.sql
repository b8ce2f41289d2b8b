-- The clear birth date and the stored masks go (see V31): masks are made from the sealed number
-- when a row is read, so a copy of the database holds neither the area of anyone's number nor
-- their birth date. Tallies count by birth year instead of birth month: a small place's counts by
-- month and sex would tell many people's birth months. (PostgreSQL drops the indexes that
-- include a dropped column; V34 builds them again.)
ALTER TABLE population_resident DROP COLUMN birth_date;
ALTER TABLE population_resident DROP COLUMN id_masked;

CREATE TABLE population_tally_by_year (
    place_path   VARCHAR(400) NOT NULL,
    depth        SMALLINT     NOT NULL,
    sex          CHAR(1)      NOT NULL,
    birth_year   INT          NOT NULL,
    registration VARCHAR(12)  NOT NULL,
    residents    BIGINT       NOT NULL,
    CONSTRAINT population_tally_year_pk PRIMARY KEY (place_path, sex, birth_year, registration)
);
INSERT INTO population_tally_by_year (place_path, depth, sex, birth_year, registration, residents)
SELECT place_path, depth, sex, birth_month / 100, registration, SUM(residents)
  FROM population_tally GROUP BY place_path, depth, sex, birth_month / 100, registration;
DROP TABLE population_tally;
ALTER TABLE population_tally_by_year RENAME TO population_tally;
