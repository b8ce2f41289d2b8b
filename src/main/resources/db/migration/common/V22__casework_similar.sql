-- Duplicate suggestions look for open cases of one category reported around the same time.
CREATE INDEX casework_case_category_idx ON casework_case (category, reported_at);
