CREATE TABLE `routed_tasks` (
	`task_id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`group_name` text NOT NULL,
	`work` text NOT NULL,
	`requires` text NOT NULL,
	`due_at` integer,
	`priority_rank` integer NOT NULL,
	`entered_at` integer NOT NULL,
	`state` text NOT NULL,
	`agent` text,
	`offered_at` integer,
	`declined_by` text NOT NULL,
	`overflowed_from` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `routed_tasks_queue_idx` ON `routed_tasks` (`group_name`,`state`,`due_at`,`priority_rank`,`entered_at`);--> statement-breakpoint
CREATE INDEX `routed_tasks_agent_idx` ON `routed_tasks` (`agent`,`state`);