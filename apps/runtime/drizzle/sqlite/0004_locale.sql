ALTER TABLE `customers` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `users` ADD `locale` text;