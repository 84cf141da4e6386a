-- A unit's open demands by state and deadline: a handler's 待办 (held=mine, by deadline) and its count read a few
-- index entries. Before, PostgreSQL joined two bitmaps, every demand in those states (47,567 at 10^6 under load) and
-- every demand the unit ever held (41,371), and read 3,944 pages for 38 rows: 24 ms each, page and count; now 0.3 ms.
-- demands_unit_idx (unit_id, id) has the unit's history, and demands_open_idx the open ones across units.
CREATE INDEX IF NOT EXISTS "demands_unit_open_idx" ON "demands" ("unit_id", "state", "stage_due_at", "id")
  WHERE "state" IN ('registered', 'dispatched', 'acknowledged', 'returned', 'replied', 'callback_done');
