CREATE TABLE "canned_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"groups" json NOT NULL,
	"locale" text NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"updated_at" bigint NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE INDEX "canned_responses_title_idx" ON "canned_responses" USING btree ("title","id");