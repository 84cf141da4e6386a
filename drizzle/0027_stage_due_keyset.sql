DROP INDEX "demands_stage_due_idx";--> statement-breakpoint
CREATE INDEX "demands_stage_due_idx" ON "demands" USING btree ("stage_due_at","id");