-- 一屏's overdue figures (open and past the step's deadline, in all and by unit) read from the index
-- alone: at 10^6 demands the open ones were read row by row.
CREATE INDEX IF NOT EXISTS "demands_open_due_idx" ON "demands" ("stage_due_at", "unit_id", "state")
  WHERE "state" IN ('registered', 'dispatched', 'acknowledged', 'returned', 'replied', 'callback_done');
