-- A reader's inbox finds its directives by their issuer's place and counts their rows through
-- (directive_id, path) (see postgresql/V44): the index of all recipients' paths goes.
DROP INDEX emergency_recipient_by_path;
