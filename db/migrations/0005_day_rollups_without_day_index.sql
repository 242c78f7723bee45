DROP INDEX "appeal_day_rollups_day_idx";--> statement-breakpoint
DROP INDEX "appeal_reply_day_rollups_day_idx";