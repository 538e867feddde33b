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
ALTER TABLE "monitor_figures" ADD CONSTRAINT "monitor_figures_period_key_monitor_periods_key_fk" FOREIGN KEY ("period_key") REFERENCES "public"."monitor_periods"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_figures" ADD CONSTRAINT "monitor_figures_indicator_key_monitor_indicators_key_fk" FOREIGN KEY ("indicator_key") REFERENCES "public"."monitor_indicators"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_period_units" ADD CONSTRAINT "monitor_period_units_period_key_monitor_periods_key_fk" FOREIGN KEY ("period_key") REFERENCES "public"."monitor_periods"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_targets" ADD CONSTRAINT "monitor_targets_indicator_key_monitor_indicators_key_fk" FOREIGN KEY ("indicator_key") REFERENCES "public"."monitor_indicators"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_figures_cell_key" ON "monitor_figures" USING btree ("period_key","indicator_key",coalesce("unit_id", 0));--> statement-breakpoint
CREATE INDEX "monitor_figures_indicator_idx" ON "monitor_figures" USING btree ("indicator_key","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_targets_scope_key" ON "monitor_targets" USING btree ("indicator_key",coalesce("entity_id", 0));