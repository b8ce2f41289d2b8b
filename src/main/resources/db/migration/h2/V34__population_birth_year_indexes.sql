-- The tally index of V17, on the table V33 built by birth year.
CREATE INDEX population_tally_depth_idx ON population_tally (depth, place_path);
