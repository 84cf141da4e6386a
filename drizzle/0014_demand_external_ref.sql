ALTER TABLE "demands" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "demands" ADD COLUMN "external_due_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "demands_external_ref_uq" ON "demands" USING btree ("channel","external_ref");