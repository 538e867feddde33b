CREATE TABLE "feedback_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"rater_group" text NOT NULL,
	"scores" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_pending" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"sealed" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_raters" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"rater_group" text NOT NULL,
	"token_hash" text NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	CONSTRAINT "feedback_raters_group_check" CHECK ("feedback_raters"."rater_group" in ('manager','peer','report','other'))
);
--> statement-breakpoint
CREATE TABLE "feedback_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"leader_account_id" integer,
	"leader_person_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"entity_id" integer,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"token_salt" text,
	"statements" jsonb NOT NULL,
	"self_scores" jsonb NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "feedback_rounds_status_check" CHECK ("feedback_rounds"."status" in ('open','closed'))
);
--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_round_id_feedback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."feedback_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_comments" ADD CONSTRAINT "feedback_comments_round_id_feedback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."feedback_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_pending" ADD CONSTRAINT "feedback_pending_round_id_feedback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."feedback_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_raters" ADD CONSTRAINT "feedback_raters_round_id_feedback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."feedback_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_raters" ADD CONSTRAINT "feedback_raters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_leader_account_id_accounts_id_fk" FOREIGN KEY ("leader_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_leader_person_id_people_id_fk" FOREIGN KEY ("leader_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_entity_id_org_units_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_answers_round_idx" ON "feedback_answers" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "feedback_comments_round_idx" ON "feedback_comments" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "feedback_pending_round_idx" ON "feedback_pending" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_raters_round_person_idx" ON "feedback_raters" USING btree ("round_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_raters_token_idx" ON "feedback_raters" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "feedback_rounds_leader_idx" ON "feedback_rounds" USING btree ("leader_person_id");--> statement-breakpoint
CREATE INDEX "feedback_rounds_entity_idx" ON "feedback_rounds" USING btree ("entity_id","status");