CREATE TABLE "provider_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"fresh_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "provider_cache_fresh" ON "provider_cache" USING btree ("fresh_until");