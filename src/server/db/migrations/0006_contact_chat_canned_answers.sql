CREATE TABLE "chat_canned_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"queue_id" integer,
	"title" text NOT NULL,
	"text_nl" text NOT NULL,
	"text_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_canned_answers" ADD CONSTRAINT "chat_canned_answers_queue_id_chat_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."chat_queues"("id") ON DELETE cascade ON UPDATE no action;