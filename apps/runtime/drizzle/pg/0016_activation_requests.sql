CREATE TABLE "activation_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"flow" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" bigint NOT NULL,
	"decided_by" text,
	"decided_at" bigint,
	"decision_note" text
);
--> statement-breakpoint
CREATE INDEX "activation_requests_flow_idx" ON "activation_requests" USING btree ("flow","requested_at");--> statement-breakpoint
CREATE INDEX "activation_requests_status_idx" ON "activation_requests" USING btree ("status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activation_requests_pending_uq" ON "activation_requests" USING btree ("flow","version") WHERE status = 'pending';