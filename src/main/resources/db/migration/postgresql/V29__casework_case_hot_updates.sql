-- Every step rewrites its case's row. When no indexed column changes and the row's page has
-- room, PostgreSQL keeps the new version on the same page and touches no index (a "HOT"
-- update); otherwise every index of the table gets a new entry. The state was indexed (for
-- the escalation check's "dispatched or handling, past its deadline"), so each step added an
-- entry to all eight indexes. The check now reads open cases by deadline from a partial index
-- whose columns change only at dispatch, extension, close and reopening; accepting, taking up
-- and feeding back a case touch no index. Pages are left a fifth empty for the new versions.
DROP INDEX casework_case_open_idx;
CREATE INDEX casework_case_due_idx ON casework_case (deadline) WHERE closed_at IS NULL AND deadline IS NOT NULL;
ALTER TABLE casework_case SET (fillfactor = 80);
