ALTER TABLE "content_pages" ADD COLUMN "body_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_values" ADD COLUMN "heading_nl" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_values" ADD COLUMN "heading_en" text DEFAULT '' NOT NULL;