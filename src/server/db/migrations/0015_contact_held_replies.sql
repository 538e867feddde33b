CREATE TABLE "contact_held_replies" (
	"id" serial PRIMARY KEY NOT NULL,
	"ticket_id" integer NOT NULL,
	"sender_address" text NOT NULL,
	"envelope_sender" text NOT NULL,
	"body" text NOT NULL,
	"mail_message_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_held_replies" ADD CONSTRAINT "contact_held_replies_ticket_id_contact_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."contact_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_held_replies_ticket_idx" ON "contact_held_replies" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_held_replies_mail_id" ON "contact_held_replies" USING btree ("ticket_id","mail_message_id");--> statement-breakpoint
CREATE INDEX "contact_held_replies_sender_idx" ON "contact_held_replies" USING btree (lower("sender_address"));