CREATE TABLE "learning_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"question_id" integer NOT NULL,
	"choice" text NOT NULL,
	"correct" boolean NOT NULL,
	"justification" text,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_cards" (
	"account_id" integer NOT NULL,
	"question_id" integer NOT NULL,
	"box" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"last_correct" boolean NOT NULL,
	"times_answered" integer DEFAULT 0 NOT NULL,
	"times_correct" integer DEFAULT 0 NOT NULL,
	"last_answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_cards_account_id_question_id_pk" PRIMARY KEY("account_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "learning_completions" (
	"account_id" integer NOT NULL,
	"value_key" text NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_completions_account_id_value_key_pk" PRIMARY KEY("account_id","value_key")
);
--> statement-breakpoint
CREATE TABLE "learning_modules" (
	"id" serial PRIMARY KEY NOT NULL,
	"value_key" text NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text NOT NULL,
	"intro_nl" text DEFAULT '' NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "learning_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"value_key" text NOT NULL,
	"level" text NOT NULL,
	"content" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_questions_level_check" CHECK ("learning_questions"."level" in ('knows','explains','applies'))
);
--> statement-breakpoint
CREATE TABLE "learning_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"module_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text NOT NULL,
	"body_nl" text NOT NULL,
	"body_en" text NOT NULL,
	"html_nl" text NOT NULL,
	"html_en" text NOT NULL,
	"image_url" text,
	"image_alt_nl" text DEFAULT '' NOT NULL,
	"image_alt_en" text DEFAULT '' NOT NULL,
	"video_url" text
);
--> statement-breakpoint
ALTER TABLE "learning_answers" ADD CONSTRAINT "learning_answers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_answers" ADD CONSTRAINT "learning_answers_question_id_learning_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."learning_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_cards" ADD CONSTRAINT "learning_cards_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_cards" ADD CONSTRAINT "learning_cards_question_id_learning_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."learning_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_completions" ADD CONSTRAINT "learning_completions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_modules" ADD CONSTRAINT "learning_modules_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_steps" ADD CONSTRAINT "learning_steps_module_id_learning_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."learning_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_answers_account_idx" ON "learning_answers" USING btree ("account_id","answered_at");--> statement-breakpoint
CREATE INDEX "learning_cards_due_idx" ON "learning_cards" USING btree ("account_id","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_modules_value_key" ON "learning_modules" USING btree ("value_key");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_questions_key" ON "learning_questions" USING btree ("key");--> statement-breakpoint
CREATE INDEX "learning_questions_value_level_idx" ON "learning_questions" USING btree ("value_key","level");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_steps_module_position" ON "learning_steps" USING btree ("module_id","position");