CREATE TABLE "author_receipts" (
	"kind" text NOT NULL,
	"ref_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "author_receipts_kind_ref_id_pk" PRIMARY KEY("kind","ref_id")
);
