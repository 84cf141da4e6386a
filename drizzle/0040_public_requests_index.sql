-- Open311's GET requests read what the public may see newest first within a window of requested_datetime. With
-- 100,000 intakes not yet answered at the newest end (a holiday's backlog), the window's index walked 88,000 of
-- them to find a page of 1,000 answered (226 ms at 10^6, bench/README.md): answered demands get an index of
-- their own by creation, as they have by reply (0017). Built in about 1 s at 10^6; writes to demands wait for it.
CREATE INDEX IF NOT EXISTS "demands_public_created_idx" ON "demands" ("created_at" DESC, "id" DESC) WHERE "state" IN ('replied', 'callback_done', 'closed') AND NOT "anonymous";
