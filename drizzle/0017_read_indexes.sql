-- Indexes for the reads bench:scale found scanning a million demands (bench/README.md):
-- the public answered list (newest reply first), and 三率 by month (closings, dispatches, callbacks).
CREATE INDEX IF NOT EXISTS "demands_public_answered_idx" ON "demands" ("replied_at" DESC, "id" DESC) WHERE "state" IN ('replied', 'callback_done', 'closed') AND NOT "anonymous";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "demands_closed_at_idx" ON "demands" ("closed_at") WHERE "state" = 'closed';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "assignments_dispatched_idx" ON "assignments" ("dispatched_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "callbacks_at_idx" ON "callbacks" ("at");
