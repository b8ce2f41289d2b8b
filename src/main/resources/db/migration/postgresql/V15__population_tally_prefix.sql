-- Statistics read a place's tallies by path prefix (pattern operator class, see V6).
CREATE INDEX population_tally_path_idx ON population_tally (community_path varchar_pattern_ops);
