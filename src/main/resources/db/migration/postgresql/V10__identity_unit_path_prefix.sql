-- "Staff inside my area" filters identity_account_unit by path prefix; see V6 for why PostgreSQL
-- needs the pattern operator class (the plain index of V9 serves equality).
CREATE INDEX identity_account_unit_path_prefix_ix ON identity_account_unit (path varchar_pattern_ops);
