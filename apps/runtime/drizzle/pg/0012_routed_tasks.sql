CREATE TABLE "routed_tasks" (
	"task_id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"group_name" text NOT NULL,
	"work" text NOT NULL,
	"requires" json NOT NULL,
	"due_at" bigint,
	"priority_rank" integer NOT NULL,
	"entered_at" bigint NOT NULL,
	"state" text NOT NULL,
	"agent" text,
	"offered_at" bigint,
	"declined_by" json NOT NULL,
	"overflowed_from" text,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "routed_tasks_queue_idx" ON "routed_tasks" USING btree ("group_name","state","due_at","priority_rank","entered_at");--> statement-breakpoint
CREATE INDEX "routed_tasks_agent_idx" ON "routed_tasks" USING btree ("agent","state");