-- json keeps the text as written (key order of form fields, variables, snapshots); jsonb reorders keys.
ALTER TABLE "cases" ALTER COLUMN "active_nodes" SET DATA TYPE json USING "active_nodes"::json;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "variables" SET DATA TYPE json USING "variables"::json;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "snapshot" SET DATA TYPE json USING "snapshot"::json;--> statement-breakpoint
ALTER TABLE "catalog_items" ALTER COLUMN "data" SET DATA TYPE json USING "data"::json;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "attributes" SET DATA TYPE json USING "attributes"::json;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "tags" SET DATA TYPE json USING "tags"::json;--> statement-breakpoint
ALTER TABLE "flow_versions" ALTER COLUMN "definition" SET DATA TYPE json USING "definition"::json;--> statement-breakpoint
ALTER TABLE "flow_versions" ALTER COLUMN "config" SET DATA TYPE json USING "config"::json;--> statement-breakpoint
ALTER TABLE "flows" ALTER COLUMN "draft" SET DATA TYPE json USING "draft"::json;--> statement-breakpoint
ALTER TABLE "flows" ALTER COLUMN "problems" SET DATA TYPE json USING "problems"::json;--> statement-breakpoint
ALTER TABLE "idempotency" ALTER COLUMN "body" SET DATA TYPE json USING "body"::json;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "payload" SET DATA TYPE json USING "payload"::json;--> statement-breakpoint
ALTER TABLE "pilots" ALTER COLUMN "segments" SET DATA TYPE json USING "segments"::json;--> statement-breakpoint
ALTER TABLE "pilots" ALTER COLUMN "customer_ids" SET DATA TYPE json USING "customer_ids"::json;--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "outcomes" SET DATA TYPE json USING "outcomes"::json;--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "form" SET DATA TYPE json USING "form"::json;--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "values" SET DATA TYPE json USING "values"::json;--> statement-breakpoint
ALTER TABLE "timeline" ALTER COLUMN "data" SET DATA TYPE json USING "data"::json;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "roles" SET DATA TYPE json USING "roles"::json;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "groups" SET DATA TYPE json USING "groups"::json;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "tiers" SET DATA TYPE json USING "tiers"::json;