CREATE TABLE "leader_status" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"process" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"heartbeat" timestamp with time zone NOT NULL,
	"enrichment" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
