CREATE TABLE "migration_cases" (
	"migration_id" text NOT NULL,
	"case_id" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "migration_cases_migration_id_case_id_pk" PRIMARY KEY("migration_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "migrations" (
	"id" text PRIMARY KEY NOT NULL,
	"flow" text NOT NULL,
	"from_version" integer NOT NULL,
	"to_version" integer NOT NULL,
	"mapping" json NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"finished_at" bigint
);
--> statement-breakpoint
ALTER TABLE "migration_cases" ADD CONSTRAINT "migration_cases_migration_id_migrations_id_fk" FOREIGN KEY ("migration_id") REFERENCES "public"."migrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "migration_cases_status_idx" ON "migration_cases" USING btree ("migration_id","status","case_id");--> statement-breakpoint
CREATE INDEX "migrations_flow_idx" ON "migrations" USING btree ("flow","created_at");--> statement-breakpoint
CREATE INDEX "migrations_status_idx" ON "migrations" USING btree ("status");