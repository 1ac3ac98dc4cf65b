CREATE TABLE `connections` (
	`name` text PRIMARY KEY NOT NULL,
	`base_url` text NOT NULL,
	`allowed_hosts` text NOT NULL,
	`auth` text NOT NULL,
	`secret` text,
	`description` text,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text,
	`node_id` text,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `incidents_status_idx` ON `incidents` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_case_idx` ON `incidents` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`revoked_at` integer,
	`source` text,
	`user_agent` text
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`username`,`revoked_at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `number` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_number_idx` ON `cases` (`number`);--> statement-breakpoint
ALTER TABLE `users` ADD `email` text;--> statement-breakpoint
ALTER TABLE `users` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `password_changed_at` integer;