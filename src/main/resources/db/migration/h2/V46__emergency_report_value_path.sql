-- a place's sums of a directive's report values: the rows of its directive under a path
CREATE INDEX emergency_report_value_path ON emergency_report_value (directive_id, path);
