CREATE TABLE "chat_agent_status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"status" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD COLUMN "browser_key" text;--> statement-breakpoint
ALTER TABLE "chat_agent_status_changes" ADD CONSTRAINT "chat_agent_status_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_agent_status_changes_agent_idx" ON "chat_agent_status_changes" USING btree ("account_id","changed_at");--> statement-breakpoint
CREATE INDEX "chat_sessions_browser_idx" ON "chat_sessions" USING btree ("browser_key");