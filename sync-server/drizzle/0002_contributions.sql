CREATE TABLE "contributions" (
	"contributor_id" text NOT NULL,
	"movie_id" integer NOT NULL,
	"rating" real NOT NULL,
	"rated_on" date NOT NULL,
	CONSTRAINT "contributions_contributor_id_movie_id_pk" PRIMARY KEY("contributor_id","movie_id")
);
--> statement-breakpoint
CREATE INDEX "contributions_movie" ON "contributions" USING btree ("movie_id");