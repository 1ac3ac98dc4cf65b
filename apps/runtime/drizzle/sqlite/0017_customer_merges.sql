CREATE TABLE `customer_merges` (
	`source_id` text PRIMARY KEY NOT NULL,
	`target_id` text NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	`identities` text NOT NULL,
	`cases` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_merges_target` ON `customer_merges` (`target_id`,`at`);--> statement-breakpoint
ALTER TABLE `customers` ADD `merged_into` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `merged_at` integer;--> statement-breakpoint
CREATE INDEX `customers_merged_into_idx` ON `customers` (`merged_into`);