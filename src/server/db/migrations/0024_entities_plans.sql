CREATE TABLE "plan_initiative_values" (
	"initiative_id" integer NOT NULL,
	"value_key" text NOT NULL,
	CONSTRAINT "plan_initiative_values_initiative_id_value_key_pk" PRIMARY KEY("initiative_id","value_key")
);
--> statement-breakpoint
CREATE TABLE "plan_initiatives" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"dimension" text NOT NULL,
	"strategy" text NOT NULL,
	"owner_person_id" integer,
	"start_on" date,
	"due_on" date,
	"status" text DEFAULT 'idee' NOT NULL,
	"expected_effect" text DEFAULT '' NOT NULL,
	"observed_effect" text DEFAULT '' NOT NULL,
	"evidence_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"project_id" integer,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_initiatives_dimension_check" CHECK ("plan_initiatives"."dimension" in ('strategie','leiderschap','mensen','structuren','middelen','sturing')),
	CONSTRAINT "plan_initiatives_strategy_check" CHECK ("plan_initiatives"."strategy" in ('informeren','experimenteren','doen','monitoren')),
	CONSTRAINT "plan_initiatives_status_check" CHECK ("plan_initiatives"."status" in ('idee','gepland','lopend','afgerond','stopgezet'))
);
--> statement-breakpoint
CREATE TABLE "plan_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text,
	"description_nl" text DEFAULT '' NOT NULL,
	"description_en" text,
	"active" boolean DEFAULT true NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "touchstone_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"author_account_id" integer,
	"author_person_id" integer,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"decided_on" date,
	"context" text NOT NULL,
	"options" text DEFAULT '' NOT NULL,
	"decision" text NOT NULL,
	"weighings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risks" text DEFAULT '' NOT NULL,
	"lessons" text DEFAULT '' NOT NULL,
	"sharing" text DEFAULT 'private' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchstone_decisions_sharing_check" CHECK ("touchstone_decisions"."sharing" in ('private','unit','entity'))
);
--> statement-breakpoint
ALTER TABLE "plan_initiative_values" ADD CONSTRAINT "plan_initiative_values_initiative_id_plan_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."plan_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_initiatives" ADD CONSTRAINT "plan_initiatives_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_initiatives" ADD CONSTRAINT "plan_initiatives_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_initiatives" ADD CONSTRAINT "plan_initiatives_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_initiatives" ADD CONSTRAINT "plan_initiatives_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchstone_decisions" ADD CONSTRAINT "touchstone_decisions_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchstone_decisions" ADD CONSTRAINT "touchstone_decisions_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchstone_decisions" ADD CONSTRAINT "touchstone_decisions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_initiatives_unit_idx" ON "plan_initiatives" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "plan_initiatives_project_idx" ON "plan_initiatives" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "touchstone_decisions_author_idx" ON "touchstone_decisions" USING btree ("author_account_id");--> statement-breakpoint
CREATE INDEX "touchstone_decisions_person_idx" ON "touchstone_decisions" USING btree ("author_person_id","created_at");--> statement-breakpoint
CREATE INDEX "touchstone_decisions_unit_idx" ON "touchstone_decisions" USING btree ("unit_id");