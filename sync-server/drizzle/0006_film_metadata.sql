CREATE TABLE "film_metadata" (
	"movie_id" integer PRIMARY KEY NOT NULL,
	"tmdb_id" integer,
	"poster_path" text,
	"overview" text,
	"runtime" integer,
	"directors" jsonb NOT NULL,
	"cast" jsonb NOT NULL,
	"enriched_at" timestamp with time zone NOT NULL
);
