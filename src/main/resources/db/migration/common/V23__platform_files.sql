-- Uploaded files' bytes (photos on cases, later documents), behind platform.FileStore. Kept in
-- the database so that every node of a cluster reads what any node received, and so that a file
-- is kept exactly when the step that brought it commits.
CREATE TABLE platform_file (
    file_key   VARCHAR(40) PRIMARY KEY,
    content    BYTEA       NOT NULL,
    size       BIGINT      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
