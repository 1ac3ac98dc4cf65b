CREATE TABLE "customer_merges" (
	"source_id" text PRIMARY KEY NOT NULL,
	"target_id" text NOT NULL,
	"actor" text NOT NULL,
	"at" bigint NOT NULL,
	"identities" json NOT NULL,
	"cases" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "merged_into" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "merged_at" bigint;--> statement-breakpoint
CREATE INDEX "customer_merges_target" ON "customer_merges" USING btree ("target_id","at");--> statement-breakpoint
CREATE INDEX "customers_merged_into_idx" ON "customers" USING btree ("merged_into");