ALTER TABLE "appeal_month_rollups" DROP CONSTRAINT "appeal_month_rollups_department_id_departments_id_fk";
--> statement-breakpoint
ALTER TABLE "appeal_reply_month_rollups" DROP CONSTRAINT "appeal_reply_month_rollups_department_id_departments_id_fk";
