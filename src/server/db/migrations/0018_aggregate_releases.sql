CREATE TABLE "aggregate_releases" (
	"id" serial PRIMARY KEY NOT NULL,
	"module" text NOT NULL,
	"period" text NOT NULL,
	"payload" jsonb NOT NULL,
	"basis" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "aggregate_releases_module_idx" ON "aggregate_releases" USING btree ("module","id");