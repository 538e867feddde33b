CREATE TABLE "feedback_entity_releases" (
	"id" serial PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"cut_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"basis" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_rounds" DROP CONSTRAINT "feedback_rounds_status_check";--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_status_check" CHECK ("feedback_rounds"."status" in ('open','closed','cancelled'));