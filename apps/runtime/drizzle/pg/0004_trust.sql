CREATE TABLE "connections" (
	"name" text PRIMARY KEY NOT NULL,
	"base_url" text NOT NULL,
	"allowed_hosts" json NOT NULL,
	"auth" json NOT NULL,
	"secret" text,
	"description" text,
	"updated_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text,
	"node_id" text,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"source" json NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"resolved_at" bigint,
	"resolved_by" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL,
	"revoked_at" bigint,
	"source" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "number" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" bigint;--> statement-breakpoint
CREATE INDEX "incidents_status_idx" ON "incidents" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "incidents_case_idx" ON "incidents" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("username","revoked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_idx" ON "cases" USING btree ("number");--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "case_number_seq";
