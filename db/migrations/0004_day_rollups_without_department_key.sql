ALTER TABLE "appeal_day_rollups" DROP CONSTRAINT "appeal_day_rollups_department_id_departments_id_fk";
--> statement-breakpoint
ALTER TABLE "appeal_reply_day_rollups" DROP CONSTRAINT "appeal_reply_day_rollups_department_id_departments_id_fk";
