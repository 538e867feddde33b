ALTER TABLE "survey_wave_items" ADD COLUMN "section_intro_nl" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_wave_items" ADD COLUMN "section_intro_en" text DEFAULT '' NOT NULL;