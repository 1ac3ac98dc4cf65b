CREATE TABLE `case_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`customer_id` text,
	`top_level` integer NOT NULL,
	`kinds` text NOT NULL,
	`public_kinds` text NOT NULL,
	`groups` text NOT NULL,
	`users` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `case_changes_at_idx` ON `case_changes` (`at`);