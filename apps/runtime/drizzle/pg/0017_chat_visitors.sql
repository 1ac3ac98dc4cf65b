CREATE TABLE "chat_visitors" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"case_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "chat_visitors_token" ON "chat_visitors" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "chat_visitors_case" ON "chat_visitors" USING btree ("case_id");