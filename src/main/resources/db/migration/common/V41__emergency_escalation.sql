-- Escalation on silence: a unit that has not acknowledged by the deadline is raised to its parent
-- place (tier 1), and escalate_minutes later to its grandparent (tier 2); each tier once.
ALTER TABLE emergency_directive ADD COLUMN escalate_minutes INT NOT NULL DEFAULT 60;
ALTER TABLE emergency_recipient ADD COLUMN escalated SMALLINT NOT NULL DEFAULT 0;
