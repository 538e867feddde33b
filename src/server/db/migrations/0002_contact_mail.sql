CREATE TABLE "contact_ticket_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"ticket_id" integer NOT NULL,
	"direction" text NOT NULL,
	"author_account_id" integer,
	"body" text NOT NULL,
	"mail_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_tickets" (
	"id" serial PRIMARY KEY NOT NULL,
	"reply_token" text NOT NULL,
	"citizen_name" text,
	"citizen_email" text NOT NULL,
	"topic" text NOT NULL,
	"locale" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"category" text,
	"assigned_account_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_ticket_messages" ADD CONSTRAINT "contact_ticket_messages_ticket_id_contact_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."contact_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_ticket_messages" ADD CONSTRAINT "contact_ticket_messages_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_tickets" ADD CONSTRAINT "contact_tickets_assigned_account_id_accounts_id_fk" FOREIGN KEY ("assigned_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_ticket_messages_ticket_idx" ON "contact_ticket_messages" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_ticket_messages_mail_id" ON "contact_ticket_messages" USING btree ("ticket_id","mail_message_id");--> statement-breakpoint
CREATE INDEX "contact_tickets_status_idx" ON "contact_tickets" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "contact_tickets_email_idx" ON "contact_tickets" USING btree (lower("citizen_email"));