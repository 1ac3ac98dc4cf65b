CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`flow` text NOT NULL,
	`version` integer NOT NULL,
	`pilot_id` text,
	`cohort` text,
	`customer_id` text,
	`channel` text NOT NULL,
	`subject` text NOT NULL,
	`priority` text NOT NULL,
	`status` text NOT NULL,
	`active_nodes` text NOT NULL,
	`variables` text NOT NULL,
	`snapshot` text NOT NULL,
	`revision` integer NOT NULL,
	`parent_case_id` text,
	`parent_node_id` text,
	`child_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	`first_response_at` integer
);
--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_customer_idx` ON `cases` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_flow_idx` ON `cases` (`flow`,`version`,`created_at`);--> statement-breakpoint
CREATE INDEX `cases_pilot_idx` ON `cases` (`pilot_id`);--> statement-breakpoint
CREATE INDEX `cases_parent_idx` ON `cases` (`parent_case_id`);--> statement-breakpoint
CREATE TABLE `catalog_items` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`flow` text NOT NULL,
	`active` integer NOT NULL,
	`data` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`segment` text,
	`attributes` text NOT NULL,
	`tags` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_segment_idx` ON `customers` (`segment`,`id`);--> statement-breakpoint
CREATE TABLE `flow_versions` (
	`flow` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`config` text NOT NULL,
	`checksum` text NOT NULL,
	`author` text,
	`note` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`flow`, `version`)
);
--> statement-breakpoint
CREATE TABLE `flows` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`draft` text NOT NULL,
	`problems` text NOT NULL,
	`active_version` integer,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `groups` (
	`name` text PRIMARY KEY NOT NULL,
	`description` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idempotency` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`body` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_created_idx` ON `idempotency` (`created_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`customer_id` text,
	`channel` text NOT NULL,
	`direction` text NOT NULL,
	`from_party` text NOT NULL,
	`author` text,
	`body` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `messages_case_idx` ON `messages` (`case_id`,`at`);--> statement-breakpoint
CREATE INDEX `messages_customer_idx` ON `messages` (`customer_id`,`at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text,
	`kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`claim` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_key_idx` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`next_attempt_at`,`id`) WHERE "outbox"."status" in ('pending', 'failed');--> statement-breakpoint
CREATE INDEX `outbox_case_idx` ON `outbox` (`case_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `pilots` (
	`id` text PRIMARY KEY NOT NULL,
	`flow` text NOT NULL,
	`version` integer NOT NULL,
	`baseline_version` integer,
	`percentage` real NOT NULL,
	`segments` text NOT NULL,
	`customer_ids` text NOT NULL,
	`note` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`ended_at` integer
);
--> statement-breakpoint
CREATE INDEX `pilots_flow_idx` ON `pilots` (`flow`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `slas` (
	`case_id` text NOT NULL,
	`id` text NOT NULL,
	`scope` text NOT NULL,
	`task_id` text,
	`status` text NOT NULL,
	`target` text NOT NULL,
	`calendar` text NOT NULL,
	`started_at` integer,
	`due_at` integer,
	`elapsed_ms` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `surveys` (
	`token` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`customer_id` text,
	`survey_id` text NOT NULL,
	`node_id` text,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`score` real,
	`comment` text,
	`sent_at` integer NOT NULL,
	`answered_at` integer
);
--> statement-breakpoint
CREATE INDEX `surveys_case_idx` ON `surveys` (`case_id`);--> statement-breakpoint
CREATE INDEX `surveys_customer_idx` ON `surveys` (`customer_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`task_key` text NOT NULL,
	`node_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`tier` text,
	`group_name` text,
	`assignee` text,
	`outcomes` text NOT NULL,
	`form` text,
	`approval_id` text,
	`due_at` integer,
	`outcome` text,
	`values` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_case_key_idx` ON `tasks` (`case_id`,`task_key`);--> statement-breakpoint
CREATE INDEX `tasks_queue_idx` ON `tasks` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_group_idx` ON `tasks` (`group_name`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `tasks_tier_idx` ON `tasks` (`tier`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_idx` ON `tasks` (`assignee`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `timeline` (
	`case_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`actor` text,
	`node_id` text,
	`data` text NOT NULL,
	`public` integer NOT NULL,
	PRIMARY KEY(`case_id`, `seq`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `timeline_type_at_idx` ON `timeline` (`type`,`at`);--> statement-breakpoint
CREATE TABLE `timers` (
	`fire_at` integer NOT NULL,
	`id` text NOT NULL,
	`case_id` text NOT NULL,
	`timer_id` text NOT NULL,
	`purpose` text NOT NULL,
	`due_at` integer NOT NULL,
	`claim` text,
	PRIMARY KEY(`fire_at`, `id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE UNIQUE INDEX `timers_id_idx` ON `timers` (`id`);--> statement-breakpoint
CREATE INDEX `timers_case_idx` ON `timers` (`case_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`username` text PRIMARY KEY NOT NULL,
	`password_hash` text NOT NULL,
	`display_name` text,
	`roles` text NOT NULL,
	`groups` text NOT NULL,
	`tiers` text NOT NULL,
	`customer_id` text,
	`created_at` integer NOT NULL
);
