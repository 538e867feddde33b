CREATE TABLE "chat_agent_queues" (
	"account_id" integer NOT NULL,
	"queue_id" integer NOT NULL,
	CONSTRAINT "chat_agent_queues_account_id_queue_id_pk" PRIMARY KEY("account_id","queue_id")
);
--> statement-breakpoint
ALTER TABLE "chat_agent_queues" ADD CONSTRAINT "chat_agent_queues_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_agent_queues" ADD CONSTRAINT "chat_agent_queues_queue_id_chat_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."chat_queues"("id") ON DELETE cascade ON UPDATE no action;