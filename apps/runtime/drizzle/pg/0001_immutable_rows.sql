-- Published flow versions and timeline entries are never rewritten (deletes stay possible for retention).
CREATE FUNCTION "caseflow_immutable_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "flow_versions_immutable" BEFORE UPDATE ON "flow_versions"
FOR EACH ROW EXECUTE FUNCTION "caseflow_immutable_row"();
--> statement-breakpoint
CREATE TRIGGER "timeline_immutable" BEFORE UPDATE ON "timeline"
FOR EACH ROW EXECUTE FUNCTION "caseflow_immutable_row"();
