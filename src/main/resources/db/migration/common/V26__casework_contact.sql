-- The person who raised a problem through a grid worker or the hotline has no account: their
-- mobile number (sealed, platform.Sealing) lets the closing be told to them by SMS with a link
-- to rate or reopen it. The link's token is kept only as its SHA-256.
ALTER TABLE casework_case ADD COLUMN contact_phone VARCHAR(300);
ALTER TABLE casework_case ADD COLUMN reporter_link CHAR(64);
ALTER TABLE casework_case ADD COLUMN reporter_link_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX casework_case_reporter_link_idx ON casework_case (reporter_link);
