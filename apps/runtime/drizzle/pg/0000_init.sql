CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"flow" text NOT NULL,
	"version" integer NOT NULL,
	"pilot_id" text,
	"cohort" text,
	"customer_id" text,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"active_nodes" jsonb NOT NULL,
	"variables" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"parent_case_id" text,
	"parent_node_id" text,
	"child_id" text,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"closed_at" bigint,
	"first_response_at" bigint,
	"timeline_seq" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"flow" text NOT NULL,
	"active" boolean NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"segment" text,
	"attributes" jsonb NOT NULL,
	"tags" jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flow_versions" (
	"flow" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"config" jsonb NOT NULL,
	"checksum" text NOT NULL,
	"author" text,
	"note" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "flow_versions_flow_version_pk" PRIMARY KEY("flow","version")
);
--> statement-breakpoint
CREATE TABLE "flows" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"draft" jsonb NOT NULL,
	"problems" jsonb NOT NULL,
	"active_version" integer,
	"updated_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"name" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb,
	"created_at" bigint NOT NULL,
	CONSTRAINT "idempotency_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"customer_id" text,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"from_party" text NOT NULL,
	"author" text,
	"body" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text,
	"kind" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"last_error" text,
	"claim" text,
	"created_at" bigint NOT NULL,
	"delivered_at" bigint
);
--> statement-breakpoint
CREATE TABLE "pilots" (
	"id" text PRIMARY KEY NOT NULL,
	"flow" text NOT NULL,
	"version" integer NOT NULL,
	"baseline_version" integer,
	"percentage" double precision NOT NULL,
	"segments" jsonb NOT NULL,
	"customer_ids" jsonb NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"ended_at" bigint
);
--> statement-breakpoint
CREATE TABLE "slas" (
	"case_id" text NOT NULL,
	"id" text NOT NULL,
	"scope" text NOT NULL,
	"task_id" text,
	"status" text NOT NULL,
	"target" text NOT NULL,
	"calendar" text NOT NULL,
	"started_at" bigint,
	"due_at" bigint,
	"elapsed_ms" integer NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "slas_case_id_id_pk" PRIMARY KEY("case_id","id")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"token" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"customer_id" text,
	"survey_id" text NOT NULL,
	"node_id" text,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"score" double precision,
	"comment" text,
	"sent_at" bigint NOT NULL,
	"answered_at" bigint
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"task_key" text NOT NULL,
	"node_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"tier" text,
	"group_name" text,
	"assignee" text,
	"outcomes" jsonb NOT NULL,
	"form" jsonb,
	"approval_id" text,
	"due_at" bigint,
	"outcome" text,
	"values" jsonb,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"closed_at" bigint
);
--> statement-breakpoint
CREATE TABLE "timeline" (
	"case_id" text NOT NULL,
	"seq" integer NOT NULL,
	"at" bigint NOT NULL,
	"type" text NOT NULL,
	"actor" text,
	"node_id" text,
	"data" jsonb NOT NULL,
	"public" boolean NOT NULL,
	CONSTRAINT "timeline_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "timers" (
	"fire_at" bigint NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"timer_id" text NOT NULL,
	"purpose" text NOT NULL,
	"due_at" bigint NOT NULL,
	"claim" text,
	CONSTRAINT "timers_id_pk" PRIMARY KEY("id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"username" text PRIMARY KEY NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text,
	"roles" jsonb NOT NULL,
	"groups" jsonb NOT NULL,
	"tiers" jsonb NOT NULL,
	"customer_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "slas" ADD CONSTRAINT "slas_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline" ADD CONSTRAINT "timeline_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "cases_customer_idx" ON "cases" USING btree ("customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_flow_idx" ON "cases" USING btree ("flow","version","created_at");--> statement-breakpoint
CREATE INDEX "cases_pilot_idx" ON "cases" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "cases_parent_idx" ON "cases" USING btree ("parent_case_id");--> statement-breakpoint
CREATE INDEX "customers_segment_idx" ON "customers" USING btree ("segment","id");--> statement-breakpoint
CREATE INDEX "idempotency_created_idx" ON "idempotency" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "messages_case_idx" ON "messages" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "messages_customer_idx" ON "messages" USING btree ("customer_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_key_idx" ON "outbox" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at","id") WHERE "outbox"."status" in ('pending', 'failed');--> statement-breakpoint
CREATE INDEX "outbox_case_idx" ON "outbox" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "pilots_flow_idx" ON "pilots" USING btree ("flow","status","created_at");--> statement-breakpoint
CREATE INDEX "surveys_case_idx" ON "surveys" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "surveys_customer_idx" ON "surveys" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_case_key_idx" ON "tasks" USING btree ("case_id","task_key");--> statement-breakpoint
CREATE INDEX "tasks_queue_idx" ON "tasks" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "tasks_group_idx" ON "tasks" USING btree ("group_name","status","created_at");--> statement-breakpoint
CREATE INDEX "tasks_tier_idx" ON "tasks" USING btree ("tier","status","created_at");--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("assignee","status","created_at");--> statement-breakpoint
CREATE INDEX "timeline_type_at_idx" ON "timeline" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "timers_fire_idx" ON "timers" USING btree ("fire_at","id");--> statement-breakpoint
CREATE INDEX "timers_case_idx" ON "timers" USING btree ("case_id");