CREATE TABLE `migration_cases` (
	`migration_id` text NOT NULL,
	`case_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`migration_id`, `case_id`),
	FOREIGN KEY (`migration_id`) REFERENCES `migrations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `migration_cases_status_idx` ON `migration_cases` (`migration_id`,`status`,`case_id`);--> statement-breakpoint
CREATE TABLE `migrations` (
	`id` text PRIMARY KEY NOT NULL,
	`flow` text NOT NULL,
	`from_version` integer NOT NULL,
	`to_version` integer NOT NULL,
	`mapping` text NOT NULL,
	`dry_run` integer NOT NULL,
	`status` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `migrations_flow_idx` ON `migrations` (`flow`,`created_at`);--> statement-breakpoint
CREATE INDEX `migrations_status_idx` ON `migrations` (`status`);