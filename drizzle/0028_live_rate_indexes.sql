-- The part of 三率 counted live (today, and days changed since their rollup) reads replies falling
-- due and 督办 by time: without these, each read scanned every demand (300 ms at 10^6).
CREATE INDEX IF NOT EXISTS "demands_reply_due_idx" ON "demands" ("reply_due_at") WHERE "unit_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "demand_supervisions_created_idx" ON "demand_supervisions" ("created_at");
