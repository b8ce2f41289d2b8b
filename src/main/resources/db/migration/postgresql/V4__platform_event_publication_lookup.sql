-- Completing a publication looks it up by its serialized event; a hash index serves
-- that on PostgreSQL whatever the event's size (a b-tree entry is limited to ~2.7 kB).
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
