-- Published flow versions and timeline entries are never rewritten (deletes stay possible for retention).
CREATE TRIGGER `flow_versions_immutable` BEFORE UPDATE ON `flow_versions`
BEGIN SELECT RAISE(ABORT, 'flow_versions rows are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `timeline_immutable` BEFORE UPDATE ON `timeline`
BEGIN SELECT RAISE(ABORT, 'timeline rows are immutable'); END;
