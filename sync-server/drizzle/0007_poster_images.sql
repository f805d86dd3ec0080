CREATE TABLE "poster_images" (
	"size" text NOT NULL,
	"file" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "poster_images_size_file_pk" PRIMARY KEY("size","file")
);
