-- A queue is the newest cases of one area: a district's, a sub-district's or a community's.
-- Under a path prefix the path index is ordered by path first, so "the newest twenty of this
-- sub-district" read every case the sub-district ever had before sorting. Each case now keeps
-- the paths of its district, sub-district and community (depth 2, 3 and 4 of its path; the
-- path never changes after the report). Only the sub-district's is indexed, with the id: every
-- step rewrites the case's row and so adds to each of its indexes, and one more index is what a
-- queue needs. A sub-district's queue is the first rows of that index read backwards; a
-- community's reads the same range and keeps one row in ten or so; a district's reads the
-- primary key backwards and keeps one row in twenty.
ALTER TABLE casework_case ADD COLUMN district_path VARCHAR(400);
ALTER TABLE casework_case ADD COLUMN subdistrict_path VARCHAR(400);
ALTER TABLE casework_case ADD COLUMN community_path VARCHAR(400);
UPDATE casework_case SET
    district_path = substring(path from '^(/[^/]+/[^/]+)(/|$)'),
    subdistrict_path = substring(path from '^(/[^/]+/[^/]+/[^/]+)(/|$)'),
    community_path = substring(path from '^(/[^/]+/[^/]+/[^/]+/[^/]+)(/|$)');
CREATE INDEX casework_case_subdistrict_idx ON casework_case (subdistrict_path, id);
ANALYZE casework_case;
