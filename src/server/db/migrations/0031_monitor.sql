CREATE TABLE "monitor_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"period_key" text NOT NULL,
	"indicator_key" text NOT NULL,
	"unit_id" integer,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"people" integer,
	"hidden" boolean NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "monitor_indicators" (
	"key" text PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"origin" text DEFAULT 'computed' NOT NULL,
	"instrument" text,
	"public" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_period_units" (
	"period_key" text NOT NULL,
	"unit_id" integer NOT NULL,
	"parent_id" integer,
	"code" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text,
	"kind" text NOT NULL,
	"entity_id" integer,
	"staff" integer NOT NULL,
	CONSTRAINT "monitor_period_units_period_key_unit_id_pk" PRIMARY KEY("period_key","unit_id")
);
--> statement-breakpoint
CREATE TABLE "monitor_periods" (
	"key" text PRIMARY KEY NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"end" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_key" text NOT NULL,
	"entity_id" integer,
	"target" double precision NOT NULL,
	"margin" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_instrument_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"instrument_id" integer NOT NULL,
	"account_id" integer,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"rows_read" integer NOT NULL,
	"inserted" integer NOT NULL,
	"changed" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"error_count" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_instrument_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"instrument_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"label_nl" text NOT NULL,
	"label_en" text NOT NULL,
	"definition_nl" text DEFAULT '' NOT NULL,
	"definition_en" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"min_people" integer NOT NULL,
	"objective" integer,
	"strategy" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_instrument_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"unit_id" integer,
	"period_key" text NOT NULL,
	"value" double precision NOT NULL,
	"people" integer,
	"import_id" integer NOT NULL,
	"superseded_at" timestamp with time zone,
	"superseded_by_import_id" integer,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_instruments" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"owner" text NOT NULL,
	"method_nl" text NOT NULL,
	"method_en" text NOT NULL,
	"periodicity" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_report_subscribers" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"period_key" text NOT NULL,
	"locale" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"xlsx" "bytea" NOT NULL,
	"trigger" text NOT NULL,
	"account_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitor_figures" ADD CONSTRAINT "monitor_figures_period_key_monitor_periods_key_fk" FOREIGN KEY ("period_key") REFERENCES "public"."monitor_periods"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_figures" ADD CONSTRAINT "monitor_figures_indicator_key_monitor_indicators_key_fk" FOREIGN KEY ("indicator_key") REFERENCES "public"."monitor_indicators"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_period_units" ADD CONSTRAINT "monitor_period_units_period_key_monitor_periods_key_fk" FOREIGN KEY ("period_key") REFERENCES "public"."monitor_periods"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_targets" ADD CONSTRAINT "monitor_targets_indicator_key_monitor_indicators_key_fk" FOREIGN KEY ("indicator_key") REFERENCES "public"."monitor_indicators"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_instrument_imports" ADD CONSTRAINT "monitor_instrument_imports_instrument_id_monitor_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."monitor_instruments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_instrument_imports" ADD CONSTRAINT "monitor_instrument_imports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_instrument_indicators" ADD CONSTRAINT "monitor_instrument_indicators_instrument_id_monitor_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."monitor_instruments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_instrument_results" ADD CONSTRAINT "monitor_instrument_results_indicator_id_monitor_instrument_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."monitor_instrument_indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_instrument_results" ADD CONSTRAINT "monitor_instrument_results_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_instrument_results" ADD CONSTRAINT "monitor_instrument_results_import_id_monitor_instrument_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."monitor_instrument_imports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_instrument_results" ADD CONSTRAINT "monitor_instrument_results_superseded_by_import_id_monitor_instrument_imports_id_fk" FOREIGN KEY ("superseded_by_import_id") REFERENCES "public"."monitor_instrument_imports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_reports" ADD CONSTRAINT "monitor_reports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_figures_cell_key" ON "monitor_figures" USING btree ("period_key","indicator_key",coalesce("unit_id", 0));--> statement-breakpoint
CREATE INDEX "monitor_figures_indicator_idx" ON "monitor_figures" USING btree ("indicator_key","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_targets_scope_key" ON "monitor_targets" USING btree ("indicator_key",coalesce("entity_id", 0));--> statement-breakpoint
CREATE INDEX "monitor_instrument_imports_instrument_idx" ON "monitor_instrument_imports" USING btree ("instrument_id","imported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_instrument_indicators_key" ON "monitor_instrument_indicators" USING btree ("key");--> statement-breakpoint
CREATE INDEX "monitor_instrument_indicators_instrument_idx" ON "monitor_instrument_indicators" USING btree ("instrument_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_instrument_results_current_key" ON "monitor_instrument_results" USING btree ("indicator_id",coalesce("unit_id", 0),"period_key") WHERE "monitor_instrument_results"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "monitor_instrument_results_period_idx" ON "monitor_instrument_results" USING btree ("period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_instruments_slug_key" ON "monitor_instruments" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_report_subscribers_email_key" ON "monitor_report_subscribers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "monitor_reports_period_idx" ON "monitor_reports" USING btree ("period_key","created_at");