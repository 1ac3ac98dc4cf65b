CREATE TABLE "messaging_accounts" (
	"channel" text PRIMARY KEY NOT NULL,
	"connection" text NOT NULL,
	"sender" text NOT NULL,
	"webhook_url" text,
	"secret" text NOT NULL,
	"verify_token" text,
	"updated_at" bigint NOT NULL,
	"updated_by" text
);
