CREATE TABLE `agent_profiles` (
	`username` text PRIMARY KEY NOT NULL,
	`presence` text NOT NULL,
	`presence_at` integer,
	`skills` text NOT NULL,
	`capacity` text,
	`calendar` text,
	`out_of_office` text NOT NULL,
	`last_offered_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `group_routing` (
	`group_name` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`offer_timeout` text,
	`overflow` text,
	`paused` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `presence_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`at` integer NOT NULL,
	`status` text NOT NULL,
	`by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `presence_log_user_idx` ON `presence_log` (`username`,`at`);--> statement-breakpoint
CREATE INDEX `presence_log_at_idx` ON `presence_log` (`at`);