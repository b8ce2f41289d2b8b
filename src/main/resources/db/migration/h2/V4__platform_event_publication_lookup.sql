-- H2 has no hash index on unbounded text; the listener id narrows the lookup instead.
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id);
