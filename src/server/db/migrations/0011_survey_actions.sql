CREATE TABLE "survey_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"wave_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"value_key" text,
	"item_key" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_actions_status_check" CHECK ("survey_actions"."status" in ('planned','in_progress','done','dropped'))
);
--> statement-breakpoint
ALTER TABLE "survey_actions" ADD CONSTRAINT "survey_actions_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_actions" ADD CONSTRAINT "survey_actions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_actions_wave_unit_idx" ON "survey_actions" USING btree ("wave_id","unit_id");