CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`message_id` text NOT NULL,
	`case_id` text NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachments_message_idx` ON `attachments` (`message_id`);--> statement-breakpoint
ALTER TABLE `messages` ADD `visibility` text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `address` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `html` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `external_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_external_idx` ON `messages` (`channel`,`external_id`);--> statement-breakpoint
CREATE INDEX `customers_email_idx` ON `customers` (lower("email"));--> statement-breakpoint
CREATE INDEX `customers_phone_idx` ON `customers` (`phone`);