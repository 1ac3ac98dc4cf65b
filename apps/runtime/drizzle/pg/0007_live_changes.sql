CREATE TABLE "case_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"case_id" text NOT NULL,
	"customer_id" text,
	"top_level" boolean NOT NULL,
	"kinds" json NOT NULL,
	"public_kinds" json NOT NULL,
	"groups" json NOT NULL,
	"users" json NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_changes_xid_seq_idx" ON "case_changes" USING btree ("xid","seq");--> statement-breakpoint
CREATE INDEX "case_changes_at_idx" ON "case_changes" USING btree ("at");