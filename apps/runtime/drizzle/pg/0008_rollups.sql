CREATE TABLE "rollup_cases" (
	"case_id" text PRIMARY KEY NOT NULL,
	"entries" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_dirty" (
	"case_id" text PRIMARY KEY NOT NULL,
	"mark" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollups" (
	"space" text NOT NULL,
	"flow" text NOT NULL,
	"bucket" integer NOT NULL,
	"dims" text NOT NULL,
	"tally" text NOT NULL,
	"detail" text,
	CONSTRAINT "rollups_space_flow_bucket_dims_pk" PRIMARY KEY("space","flow","bucket","dims")
);
