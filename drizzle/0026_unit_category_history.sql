CREATE TABLE "unit_category_history" (
	"unit_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"dispatched" integer NOT NULL,
	"returned" integer NOT NULL,
	CONSTRAINT "unit_category_history_unit_id_category_id_pk" PRIMARY KEY("unit_id","category_id")
);
--> statement-breakpoint
INSERT INTO "unit_category_history" ("unit_id", "category_id", "dispatched", "returned")
  SELECT a.unit_id, d.category_id, count(*), count(*) FILTER (WHERE a.end_reason = 'returned')
    FROM assignments a JOIN demands d ON d.id = a.demand_id
   WHERE d.category_id IS NOT NULL
   GROUP BY a.unit_id, d.category_id;
--> statement-breakpoint
CREATE FUNCTION "unit_category_history_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO unit_category_history AS h (unit_id, category_id, dispatched, returned)
    SELECT NEW.unit_id, d.category_id, CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE 0 END, CASE WHEN NEW.end_reason = 'returned' THEN 1 ELSE 0 END
      FROM demands d WHERE d.id = NEW.demand_id AND d.category_id IS NOT NULL
  ON CONFLICT (unit_id, category_id) DO UPDATE
    SET dispatched = h.dispatched + excluded.dispatched, returned = h.returned + excluded.returned;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "assignments_history_insert" AFTER INSERT ON "assignments" FOR EACH ROW EXECUTE FUNCTION unit_category_history_count();
--> statement-breakpoint
CREATE TRIGGER "assignments_history_returned" AFTER UPDATE OF "end_reason" ON "assignments" FOR EACH ROW
  WHEN (NEW.end_reason = 'returned' AND OLD.end_reason IS DISTINCT FROM 'returned')
  EXECUTE FUNCTION unit_category_history_count();
