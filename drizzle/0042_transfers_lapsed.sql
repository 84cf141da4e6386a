-- A 转办 still waiting when the lead unit moved on (returned, answered, closed …) was marked declined with the
-- lead's step as its reason, as if the other unit had refused it. It lapsed: nobody refused it.
UPDATE "demand_transfers" SET "status" = 'lapsed', "decision_reason" = NULL
  WHERE "status" = 'declined' AND "decision_reason" IN ('returned', 'withdrawn', 'transferred', 'merged', 'closed', 'reopened', 'replied');
