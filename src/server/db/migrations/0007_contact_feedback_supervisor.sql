CREATE TABLE "contact_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"queue_id" integer,
	"unit_id" integer,
	"day" date NOT NULL,
	"satisfaction" smallint NOT NULL,
	"openness" smallint,
	"decisiveness" smallint,
	"reliability" smallint,
	"agility" smallint,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "contact_feedback_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"queue_id" integer,
	"unit_id" integer,
	"day" date NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_queues" ADD COLUMN "mail_topics" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_tickets" ADD COLUMN "queue_id" integer;--> statement-breakpoint
ALTER TABLE "contact_feedback" ADD CONSTRAINT "contact_feedback_queue_id_chat_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."chat_queues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_feedback" ADD CONSTRAINT "contact_feedback_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_feedback_tokens" ADD CONSTRAINT "contact_feedback_tokens_queue_id_chat_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."chat_queues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_feedback_tokens" ADD CONSTRAINT "contact_feedback_tokens_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_feedback_day_idx" ON "contact_feedback" USING btree ("day");--> statement-breakpoint
CREATE INDEX "contact_feedback_tokens_expiry_idx" ON "contact_feedback_tokens" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "contact_tickets" ADD CONSTRAINT "contact_tickets_queue_id_chat_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."chat_queues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_sessions_created_idx" ON "chat_sessions" USING btree ("created_at");