-- A queue is the newest cases of one area: a district's, a sub-district's or a community's.
-- Under a path prefix the path index is ordered by path first, so "the newest twenty of this
-- sub-district" read every case the sub-district ever had before sorting. Each case now keeps
-- the paths of its district, sub-district and community (depth 2, 3 and 4 of its path; the
-- path never changes after the report), each indexed with the id, so such a queue is the first
-- rows of one index range read backwards.
ALTER TABLE casework_case ADD COLUMN district_path VARCHAR(400);
ALTER TABLE casework_case ADD COLUMN subdistrict_path VARCHAR(400);
ALTER TABLE casework_case ADD COLUMN community_path VARCHAR(400);
UPDATE casework_case SET
    district_path = substring(path from '^(/[^/]+/[^/]+)(/|$)'),
    subdistrict_path = substring(path from '^(/[^/]+/[^/]+/[^/]+)(/|$)'),
    community_path = substring(path from '^(/[^/]+/[^/]+/[^/]+/[^/]+)(/|$)');
CREATE INDEX casework_case_district_idx ON casework_case (district_path, id);
CREATE INDEX casework_case_subdistrict_idx ON casework_case (subdistrict_path, id);
CREATE INDEX casework_case_community_idx ON casework_case (community_path, id);
ANALYZE casework_case;
