CREATE TABLE `kb_article_history` (
	`slug` text NOT NULL,
	`locale` text NOT NULL,
	`revision` integer NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`by` text,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	`note` text,
	PRIMARY KEY(`slug`, `locale`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `kb_articles` (
	`slug` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`category` text NOT NULL,
	`tags` text NOT NULL,
	`audience` text NOT NULL,
	`status` text NOT NULL,
	`catalog_items` text NOT NULL,
	`revision` integer NOT NULL,
	`helpful` integer DEFAULT 0 NOT NULL,
	`not_helpful` integer DEFAULT 0 NOT NULL,
	`flagged_at` integer,
	`flag_reason` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`slug`, `locale`)
);
--> statement-breakpoint
CREATE INDEX `kb_articles_category_idx` ON `kb_articles` (`category`,`title`,`slug`,`locale`);--> statement-breakpoint
CREATE TABLE `kb_docs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`locale` text NOT NULL,
	`audience` text NOT NULL,
	`title` text NOT NULL,
	`category` text,
	`text` text NOT NULL,
	`boost` real DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_docs_key_idx` ON `kb_docs` (`kind`,`key`,`locale`);--> statement-breakpoint
CREATE TABLE `kb_feedback` (
	`slug` text NOT NULL,
	`locale` text NOT NULL,
	`username` text NOT NULL,
	`customer_id` text,
	`helpful` integer NOT NULL,
	`reason` text,
	`draft_id` text,
	`catalog_item` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`slug`, `locale`, `username`)
);
--> statement-breakpoint
CREATE INDEX `kb_feedback_at_idx` ON `kb_feedback` (`at`);--> statement-breakpoint
CREATE TABLE `kb_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`locale` text NOT NULL,
	`username` text,
	`customer_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `kb_views_at_idx` ON `kb_views` (`at`);--> statement-breakpoint
CREATE INDEX `kb_views_customer_idx` ON `kb_views` (`customer_id`,`at`);--> statement-breakpoint
CREATE TABLE `kb_words` (
	`word` text PRIMARY KEY NOT NULL
);
