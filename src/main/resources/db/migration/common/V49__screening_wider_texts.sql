-- What a form may define and a visit may answer within the checked limits (30 fields of up to 20
-- choices, 20 rules of up to 5 conditions, 30 answers of up to 200 characters, JSON-escaped) fits.
ALTER TABLE screening_form ALTER COLUMN fields SET DATA TYPE VARCHAR(1000000);
ALTER TABLE screening_form ALTER COLUMN rules SET DATA TYPE VARCHAR(1000000);
ALTER TABLE screening_visit ALTER COLUMN answers SET DATA TYPE VARCHAR(40000);
ALTER TABLE screening_visit ALTER COLUMN anomalies SET DATA TYPE VARCHAR(8000);
