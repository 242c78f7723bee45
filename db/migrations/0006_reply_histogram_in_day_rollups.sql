ALTER TABLE "appeal_day_rollups" ADD COLUMN "replies_by_working_days" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
WITH "bins" AS (
  SELECT "department_id", "day", "type", max("working_days") AS "top",
    jsonb_object_agg("working_days", "replies") AS "replies"
  FROM "appeal_reply_day_rollups" WHERE "replies" > 0
  GROUP BY 1, 2, 3
)
UPDATE "appeal_day_rollups" d
SET "replies_by_working_days" = ARRAY(
  SELECT coalesce((b."replies" ->> g::text)::integer, 0) FROM generate_series(0, b."top") g ORDER BY g)
FROM "bins" b
WHERE (d."department_id", d."day", d."type") = (b."department_id", b."day", b."type");--> statement-breakpoint
DROP TABLE "appeal_reply_day_rollups" CASCADE;--> statement-breakpoint
CREATE VIEW "public"."appeal_reply_day_rollups" AS (select r.department_id, r.day, r.type, (h.position - 1)::integer as working_days, h.replies
    from "appeal_day_rollups" r
    cross join lateral unnest(r.replies_by_working_days) with ordinality as h (replies, position)
    where h.replies > 0);
