CREATE TABLE "chat_states" (
	"case_id" text NOT NULL,
	"username" text NOT NULL,
	"party" text NOT NULL,
	"typing_until" bigint NOT NULL,
	"read_at" bigint NOT NULL,
	"left_at" bigint DEFAULT 0 NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "chat_states_case_id_username_pk" PRIMARY KEY("case_id","username")
);
