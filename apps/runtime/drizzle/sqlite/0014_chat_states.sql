CREATE TABLE `chat_states` (
	`case_id` text NOT NULL,
	`username` text NOT NULL,
	`party` text NOT NULL,
	`typing_until` integer NOT NULL,
	`read_at` integer NOT NULL,
	`left_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `username`)
);
