ALTER TABLE "contact_feedback" ALTER COLUMN "satisfaction" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_canned_answers" ADD COLUMN "shortcut" text;--> statement-breakpoint
ALTER TABLE "chat_queues" ADD COLUMN "closed_text_nl" text;--> statement-breakpoint
ALTER TABLE "chat_queues" ADD COLUMN "closed_text_en" text;--> statement-breakpoint
ALTER TABLE "chat_canned_answers" ADD CONSTRAINT "chat_canned_answers_shortcut_unique" UNIQUE("shortcut");