-- The link to a photo or video an Open311 client sent with a request (GeoReport v2 media_url):
-- kept as given (never fetched by the server), shown to staff as a link and answered in the
-- request's record.
ALTER TABLE casework_case ADD COLUMN media_url VARCHAR(1000);
