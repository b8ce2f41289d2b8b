-- Completed publications are deleted (completion-mode delete), so the table holds only the reactions
-- still waiting: a few rows, read whole. Its indexes cost every case step that tells someone an
-- index entry to write and to delete, and served nothing a scan of those rows does not.
DROP INDEX IF EXISTS event_publication_by_listener_idx;
DROP INDEX IF EXISTS event_publication_by_completion_date_idx;
