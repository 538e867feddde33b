CREATE TABLE "survey_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"wave_item_id" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_drafts" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"wave_id" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"wave_id" integer NOT NULL,
	"person_id" integer,
	"unit_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	"invited_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"reminder_count" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"position" integer NOT NULL,
	"item_key" text NOT NULL,
	"kind" text NOT NULL,
	"text_nl" text NOT NULL,
	"text_en" text DEFAULT '' NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"value_key" text,
	"objective" smallint,
	"outcome" boolean DEFAULT false NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_items_kind_check" CHECK ("survey_items"."kind" in ('agree5','scale10','single','multi','text')),
	CONSTRAINT "survey_items_objective_check" CHECK ("survey_items"."objective" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "survey_questionnaires" (
	"id" serial PRIMARY KEY NOT NULL,
	"standard_key" text,
	"title_nl" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_nl" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"entity_id" integer,
	"submitted_on" date NOT NULL,
	"scores" smallint[] NOT NULL,
	"demographics" smallint[] DEFAULT '{}'::smallint[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"intro_nl" text DEFAULT '' NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_wave_demographics" (
	"wave_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"key" text NOT NULL,
	"label_nl" text NOT NULL,
	"label_en" text DEFAULT '' NOT NULL,
	"options" jsonb NOT NULL,
	"min_group_size" smallint DEFAULT 10 NOT NULL,
	CONSTRAINT "survey_wave_demographics_wave_id_position_pk" PRIMARY KEY("wave_id","position"),
	CONSTRAINT "survey_wave_demographics_k_check" CHECK ("survey_wave_demographics"."min_group_size" >= 3)
);
--> statement-breakpoint
CREATE TABLE "survey_wave_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"wave_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"slot" smallint,
	"source_item_id" integer,
	"item_key" text NOT NULL,
	"section_position" smallint NOT NULL,
	"section_title_nl" text NOT NULL,
	"section_title_en" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"text_nl" text NOT NULL,
	"text_en" text DEFAULT '' NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"value_key" text,
	"objective" smallint,
	"outcome" boolean DEFAULT false NOT NULL,
	"required" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_wave_targets" (
	"wave_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "survey_wave_targets_wave_id_unit_id_pk" PRIMARY KEY("wave_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "survey_wave_units" (
	"wave_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"parent_id" integer,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text,
	"entity_id" integer,
	"invited" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_wave_units_wave_id_unit_id_pk" PRIMARY KEY("wave_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "survey_waves" (
	"id" serial PRIMARY KEY NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"min_group_size" smallint DEFAULT 5 NOT NULL,
	"previous_wave_id" integer,
	"token_key" text,
	"launched_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_waves_status_check" CHECK ("survey_waves"."status" in ('draft','open','closed')),
	CONSTRAINT "survey_waves_k_check" CHECK ("survey_waves"."min_group_size" >= 3)
);
--> statement-breakpoint
ALTER TABLE "survey_comments" ADD CONSTRAINT "survey_comments_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_comments" ADD CONSTRAINT "survey_comments_wave_item_id_survey_wave_items_id_fk" FOREIGN KEY ("wave_item_id") REFERENCES "public"."survey_wave_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_items" ADD CONSTRAINT "survey_items_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_items" ADD CONSTRAINT "survey_items_section_id_survey_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."survey_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sections" ADD CONSTRAINT "survey_sections_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_demographics" ADD CONSTRAINT "survey_wave_demographics_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_items" ADD CONSTRAINT "survey_wave_items_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_items" ADD CONSTRAINT "survey_wave_items_source_item_id_survey_items_id_fk" FOREIGN KEY ("source_item_id") REFERENCES "public"."survey_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_targets" ADD CONSTRAINT "survey_wave_targets_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_targets" ADD CONSTRAINT "survey_wave_targets_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_units" ADD CONSTRAINT "survey_wave_units_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_comments_wave_unit_idx" ON "survey_comments" USING btree ("wave_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_key" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_person_key" ON "survey_invitations" USING btree ("wave_id","person_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_unit_idx" ON "survey_invitations" USING btree ("wave_id","unit_id");--> statement-breakpoint
CREATE INDEX "survey_items_section_idx" ON "survey_items" USING btree ("section_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_items_key" ON "survey_items" USING btree ("questionnaire_id","item_key");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questionnaires_standard_key" ON "survey_questionnaires" USING btree ("standard_key");--> statement-breakpoint
CREATE INDEX "survey_responses_wave_unit_idx" ON "survey_responses" USING btree ("wave_id","unit_id");--> statement-breakpoint
CREATE INDEX "survey_sections_questionnaire_idx" ON "survey_sections" USING btree ("questionnaire_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_wave_demographics_key" ON "survey_wave_demographics" USING btree ("wave_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_wave_items_position" ON "survey_wave_items" USING btree ("wave_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_wave_items_slot" ON "survey_wave_items" USING btree ("wave_id","slot");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_wave_items_key" ON "survey_wave_items" USING btree ("wave_id","item_key");--> statement-breakpoint
CREATE INDEX "survey_wave_units_parent_idx" ON "survey_wave_units" USING btree ("wave_id","parent_id");--> statement-breakpoint
CREATE INDEX "survey_wave_units_path_idx" ON "survey_wave_units" USING btree ("wave_id","path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "survey_waves_status_idx" ON "survey_waves" USING btree ("status");