-- A queue is the newest cases of one area (see the PostgreSQL migration of the same number):
-- each case keeps the paths of its district, sub-district and community; the sub-district's is
-- indexed with the id.
ALTER TABLE casework_case ADD COLUMN district_path VARCHAR(400);
ALTER TABLE casework_case ADD COLUMN subdistrict_path VARCHAR(400);
ALTER TABLE casework_case ADD COLUMN community_path VARCHAR(400);
UPDATE casework_case SET
    district_path = REGEXP_SUBSTR(path, '^/[^/]+/[^/]+(?=/|$)'),
    subdistrict_path = REGEXP_SUBSTR(path, '^/[^/]+/[^/]+/[^/]+(?=/|$)'),
    community_path = REGEXP_SUBSTR(path, '^/[^/]+/[^/]+/[^/]+/[^/]+(?=/|$)');
CREATE INDEX casework_case_subdistrict_idx ON casework_case (subdistrict_path, id);
