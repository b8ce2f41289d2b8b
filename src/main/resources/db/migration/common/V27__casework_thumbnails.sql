-- A photo's thumbnail (a JPEG at most 320 pixels across) for timelines on phones; null for documents
-- and pictures that could not be decoded.
ALTER TABLE casework_attachment ADD COLUMN thumb_key VARCHAR(40);
