CREATE TABLE "endorsements" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"role_nl" text NOT NULL,
	"role_en" text NOT NULL,
	"endorsed_on" date NOT NULL,
	"statement_nl" text NOT NULL,
	"statement_en" text NOT NULL,
	"link" text,
	"public" boolean DEFAULT false NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_ambassadors" (
	"entity_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "entity_ambassadors_entity_id_person_id_pk" PRIMARY KEY("entity_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "entity_profiles" (
	"entity_id" integer PRIMARY KEY NOT NULL,
	"story_nl" text DEFAULT '' NOT NULL,
	"story_en" text DEFAULT '' NOT NULL,
	"story_html_nl" text DEFAULT '' NOT NULL,
	"story_html_en" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "support_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text NOT NULL,
	"description_nl" text NOT NULL,
	"description_en" text NOT NULL,
	"format" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"capacity_per_quarter" integer NOT NULL,
	"values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_items_capacity_check" CHECK ("support_items"."capacity_per_quarter" >= 0),
	CONSTRAINT "support_items_duration_check" CHECK ("support_items"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"requested_by" integer,
	"decline_reason" text,
	"planned_on" date,
	"delivered_at" timestamp with time zone,
	"rating" integer,
	"evaluation_comment" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_requests_rating_check" CHECK ("support_requests"."rating" is null or "support_requests"."rating" between 1 and 5),
	CONSTRAINT "support_requests_quarter_check" CHECK ("support_requests"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
ALTER TABLE "entity_ambassadors" ADD CONSTRAINT "entity_ambassadors_entity_id_org_units_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_ambassadors" ADD CONSTRAINT "entity_ambassadors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_profiles" ADD CONSTRAINT "entity_profiles_entity_id_org_units_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_profiles" ADD CONSTRAINT "entity_profiles_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_item_id_support_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."support_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_entity_id_org_units_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endorsements_public_idx" ON "endorsements" USING btree ("public","endorsed_on");--> statement-breakpoint
CREATE INDEX "entity_ambassadors_person_idx" ON "entity_ambassadors" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "support_requests_item_quarter_idx" ON "support_requests" USING btree ("item_id","quarter");--> statement-breakpoint
CREATE INDEX "support_requests_entity_idx" ON "support_requests" USING btree ("entity_id");