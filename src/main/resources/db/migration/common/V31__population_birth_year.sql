-- A birth date is eight of the eighteen characters of an identity number: beside the number's
-- mask it rebuilds the number. From here on only the birth year is kept in clear (statistics and
-- searches by age use it); the date itself is read from the sealed number, or, for a document
-- that does not carry it (a passport), from birth_sealed (filled by V32, a Java migration, since
-- the key lives outside the database). V33 drops the clear date and the stored masks.
ALTER TABLE population_resident ADD COLUMN birth_year SMALLINT;
UPDATE population_resident SET birth_year = EXTRACT(YEAR FROM birth_date);
ALTER TABLE population_resident ALTER COLUMN birth_year SET NOT NULL;
ALTER TABLE population_resident ADD COLUMN birth_sealed VARCHAR(200);
