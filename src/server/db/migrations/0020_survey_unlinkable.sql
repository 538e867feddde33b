-- Drafts saved before were keyed by the invitation's token hash and stored in clear; they cannot be
-- re-encrypted (the token is not stored), so they are dropped: those invitees start their form again.
DELETE FROM "survey_drafts";--> statement-breakpoint
ALTER TABLE "survey_drafts" DROP COLUMN "token_hash";--> statement-breakpoint
ALTER TABLE "survey_drafts" DROP COLUMN "answers";--> statement-breakpoint
ALTER TABLE "survey_drafts" DROP COLUMN "updated_at";--> statement-breakpoint
CREATE TABLE "survey_pending_answers" (
	"wave_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"sealed" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD COLUMN "draft_id" text PRIMARY KEY NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD COLUMN "sealed" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_pending_answers" ADD CONSTRAINT "survey_pending_answers_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;
