CREATE TABLE "agent_profiles" (
	"username" text PRIMARY KEY NOT NULL,
	"presence" text NOT NULL,
	"presence_at" bigint,
	"skills" json NOT NULL,
	"capacity" json,
	"calendar" text,
	"out_of_office" json NOT NULL,
	"last_offered_at" bigint,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_routing" (
	"group_name" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"offer_timeout" text,
	"overflow" json,
	"paused" boolean DEFAULT false NOT NULL,
	"updated_at" bigint NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "presence_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"at" bigint NOT NULL,
	"status" text NOT NULL,
	"by" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "presence_log_user_idx" ON "presence_log" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "presence_log_at_idx" ON "presence_log" USING btree ("at");