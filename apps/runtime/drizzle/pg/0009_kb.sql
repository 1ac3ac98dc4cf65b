CREATE TABLE "kb_article_history" (
	"slug" text NOT NULL,
	"locale" text NOT NULL,
	"revision" integer NOT NULL,
	"seq" integer NOT NULL,
	"at" bigint NOT NULL,
	"by" text,
	"action" text NOT NULL,
	"changes" json NOT NULL,
	"note" text,
	CONSTRAINT "kb_article_history_slug_locale_seq_pk" PRIMARY KEY("slug","locale","seq")
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"slug" text NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text NOT NULL,
	"tags" json NOT NULL,
	"audience" text NOT NULL,
	"status" text NOT NULL,
	"catalog_items" json NOT NULL,
	"revision" integer NOT NULL,
	"helpful" integer DEFAULT 0 NOT NULL,
	"not_helpful" integer DEFAULT 0 NOT NULL,
	"flagged_at" bigint,
	"flag_reason" text,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"updated_at" bigint NOT NULL,
	"updated_by" text,
	CONSTRAINT "kb_articles_slug_locale_pk" PRIMARY KEY("slug","locale")
);
--> statement-breakpoint
CREATE TABLE "kb_docs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"locale" text NOT NULL,
	"audience" text NOT NULL,
	"title" text NOT NULL,
	"category" text,
	"text" text NOT NULL,
	"boost" double precision DEFAULT 1 NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_feedback" (
	"slug" text NOT NULL,
	"locale" text NOT NULL,
	"username" text NOT NULL,
	"customer_id" text,
	"helpful" boolean NOT NULL,
	"reason" text,
	"draft_id" text,
	"catalog_item" text,
	"at" bigint NOT NULL,
	CONSTRAINT "kb_feedback_slug_locale_username_pk" PRIMARY KEY("slug","locale","username")
);
--> statement-breakpoint
CREATE TABLE "kb_views" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"locale" text NOT NULL,
	"username" text,
	"customer_id" text,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kb_articles_category_idx" ON "kb_articles" USING btree ("category","title","slug","locale");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_docs_key_idx" ON "kb_docs" USING btree ("kind","key","locale");--> statement-breakpoint
CREATE INDEX "kb_docs_document_idx" ON "kb_docs" USING gin ("document");--> statement-breakpoint
CREATE INDEX "kb_feedback_at_idx" ON "kb_feedback" USING btree ("at");--> statement-breakpoint
CREATE INDEX "kb_views_at_idx" ON "kb_views" USING btree ("at");--> statement-breakpoint
CREATE INDEX "kb_views_customer_idx" ON "kb_views" USING btree ("customer_id","at");