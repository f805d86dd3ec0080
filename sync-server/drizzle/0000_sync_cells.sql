CREATE SEQUENCE "public"."sync_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "sync_cells" (
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb,
	"hlc" text NOT NULL,
	"seq" bigint NOT NULL,
	CONSTRAINT "sync_cells_user_id_kind_key_pk" PRIMARY KEY("user_id","kind","key")
);
--> statement-breakpoint
CREATE TABLE "sync_mutations" (
	"user_id" text NOT NULL,
	"device_id" text NOT NULL,
	"mutation_id" text NOT NULL,
	"applied" bigint NOT NULL,
	"cursor" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_mutations_user_id_device_id_mutation_id_pk" PRIMARY KEY("user_id","device_id","mutation_id")
);
--> statement-breakpoint
CREATE INDEX "sync_cells_user_seq" ON "sync_cells" USING btree ("user_id","seq");