CREATE TABLE `canned_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`groups` text NOT NULL,
	`locale` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `canned_responses_title_idx` ON `canned_responses` (`title`,`id`);