CREATE TABLE "recognition_message_values" (
	"message_id" integer NOT NULL,
	"value_key" text NOT NULL,
	CONSTRAINT "recognition_message_values_message_id_value_key_pk" PRIMARY KEY("message_id","value_key")
);
--> statement-breakpoint
CREATE TABLE "recognition_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"sender_person_id" integer NOT NULL,
	"recipient_person_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"entity_id" integer,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"sender_visibility" text NOT NULL,
	"visibility" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by" integer,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_messages_kind_check" CHECK ("recognition_messages"."kind" in ('appreciation','feedback')),
	CONSTRAINT "recognition_messages_visibility_check" CHECK ("recognition_messages"."visibility" in ('private','manager','team') and "recognition_messages"."sender_visibility" in ('private','manager','team')),
	CONSTRAINT "recognition_messages_not_self" CHECK ("recognition_messages"."sender_person_id" <> "recognition_messages"."recipient_person_id")
);
--> statement-breakpoint
CREATE TABLE "recognition_preferences" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"email_mode" text DEFAULT 'immediate' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"message_id" integer NOT NULL,
	"reporter_account_id" integer,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" integer,
	"resolution" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" serial PRIMARY KEY NOT NULL,
	"author_person_id" integer NOT NULL,
	"entity_id" integer,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"public_consent" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"moderated_by" integer,
	"moderated_at" timestamp with time zone,
	"reject_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stories_status_check" CHECK ("stories"."status" in ('pending','approved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "story_images" (
	"id" serial PRIMARY KEY NOT NULL,
	"story_id" integer NOT NULL,
	"position" integer NOT NULL,
	"mime_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"alt" text NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_reactions" (
	"story_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"reaction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "story_reactions_story_id_account_id_pk" PRIMARY KEY("story_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "story_values" (
	"story_id" integer NOT NULL,
	"value_key" text NOT NULL,
	CONSTRAINT "story_values_story_id_value_key_pk" PRIMARY KEY("story_id","value_key")
);
--> statement-breakpoint
ALTER TABLE "recognition_message_values" ADD CONSTRAINT "recognition_message_values_message_id_recognition_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."recognition_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_messages" ADD CONSTRAINT "recognition_messages_sender_person_id_people_id_fk" FOREIGN KEY ("sender_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_messages" ADD CONSTRAINT "recognition_messages_recipient_person_id_people_id_fk" FOREIGN KEY ("recipient_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_messages" ADD CONSTRAINT "recognition_messages_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_messages" ADD CONSTRAINT "recognition_messages_entity_id_org_units_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_messages" ADD CONSTRAINT "recognition_messages_hidden_by_accounts_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_preferences" ADD CONSTRAINT "recognition_preferences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_reports" ADD CONSTRAINT "recognition_reports_message_id_recognition_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."recognition_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_reports" ADD CONSTRAINT "recognition_reports_reporter_account_id_accounts_id_fk" FOREIGN KEY ("reporter_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_reports" ADD CONSTRAINT "recognition_reports_resolved_by_accounts_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_entity_id_org_units_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_moderated_by_accounts_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_images" ADD CONSTRAINT "story_images_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_reactions" ADD CONSTRAINT "story_reactions_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_reactions" ADD CONSTRAINT "story_reactions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_values" ADD CONSTRAINT "story_values_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recognition_messages_recipient_idx" ON "recognition_messages" USING btree ("recipient_person_id","created_at");--> statement-breakpoint
CREATE INDEX "recognition_messages_sender_idx" ON "recognition_messages" USING btree ("sender_person_id","created_at");--> statement-breakpoint
CREATE INDEX "recognition_messages_unit_idx" ON "recognition_messages" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "recognition_reports_open_idx" ON "recognition_reports" USING btree ("message_id") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "stories_status_idx" ON "stories" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "stories_author_idx" ON "stories" USING btree ("author_person_id");--> statement-breakpoint
CREATE INDEX "story_images_story_idx" ON "story_images" USING btree ("story_id","position");--> statement-breakpoint
CREATE INDEX "story_values_value_idx" ON "story_values" USING btree ("value_key");