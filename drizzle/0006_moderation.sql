CREATE TABLE "moderation_states" (
	"kind" text NOT NULL,
	"ref_id" integer NOT NULL,
	"state" text NOT NULL,
	"reason" text NOT NULL,
	"original" text NOT NULL,
	"shown" text,
	"region_path" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "moderation_states_kind_ref_id_pk" PRIMARY KEY("kind","ref_id")
);
--> statement-breakpoint
CREATE INDEX "moderation_states_region_idx" ON "moderation_states" USING btree ("region_path");