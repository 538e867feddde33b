ALTER TABLE "chat_sessions" ADD COLUMN "transcript_email" text;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD COLUMN "transcript_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE INDEX "chat_sessions_client_waiting_idx" ON "chat_sessions" USING btree ("client_key") WHERE status = 'waiting';