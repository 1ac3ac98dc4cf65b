CREATE TABLE `activation_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`flow` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`note` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decision_note` text
);
--> statement-breakpoint
CREATE INDEX `activation_requests_flow_idx` ON `activation_requests` (`flow`,`requested_at`);--> statement-breakpoint
CREATE INDEX `activation_requests_status_idx` ON `activation_requests` (`status`,`requested_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `activation_requests_pending_uq` ON `activation_requests` (`flow`,`version`) WHERE status = 'pending';