CREATE TABLE "appeal_month_rollups" (
	"department_id" integer NOT NULL,
	"month" date NOT NULL,
	"type" "appeal_type" NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"replied_on_time" integer DEFAULT 0 NOT NULL,
	"with_first_contact" integer DEFAULT 0 NOT NULL,
	"first_contact_in_time" integer DEFAULT 0 NOT NULL,
	"replied_rated" integer DEFAULT 0 NOT NULL,
	"rated_1" integer DEFAULT 0 NOT NULL,
	"rated_2" integer DEFAULT 0 NOT NULL,
	"rated_3" integer DEFAULT 0 NOT NULL,
	"rated_4" integer DEFAULT 0 NOT NULL,
	"rated_5" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appeal_month_rollups_department_id_month_type_pk" PRIMARY KEY("department_id","month","type")
);
--> statement-breakpoint
CREATE TABLE "appeal_reply_month_rollups" (
	"department_id" integer NOT NULL,
	"month" date NOT NULL,
	"working_days" integer NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appeal_reply_month_rollups_department_id_month_working_days_pk" PRIMARY KEY("department_id","month","working_days")
);
--> statement-breakpoint
CREATE TABLE "appeal_total_day_rollups" (
	"day" date NOT NULL,
	"type" "appeal_type" NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"replied_on_time" integer DEFAULT 0 NOT NULL,
	"with_first_contact" integer DEFAULT 0 NOT NULL,
	"first_contact_in_time" integer DEFAULT 0 NOT NULL,
	"replied_rated" integer DEFAULT 0 NOT NULL,
	"rated_1" integer DEFAULT 0 NOT NULL,
	"rated_2" integer DEFAULT 0 NOT NULL,
	"rated_3" integer DEFAULT 0 NOT NULL,
	"rated_4" integer DEFAULT 0 NOT NULL,
	"rated_5" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appeal_total_day_rollups_day_type_pk" PRIMARY KEY("day","type")
);
--> statement-breakpoint
CREATE TABLE "appeal_total_reply_day_rollups" (
	"day" date NOT NULL,
	"working_days" integer NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appeal_total_reply_day_rollups_day_working_days_pk" PRIMARY KEY("day","working_days")
);
--> statement-breakpoint
ALTER TABLE "appeal_month_rollups" ADD CONSTRAINT "appeal_month_rollups_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_reply_month_rollups" ADD CONSTRAINT "appeal_reply_month_rollups_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_month_rollups_month_idx" ON "appeal_month_rollups" USING btree ("month");--> statement-breakpoint
CREATE INDEX "appeal_reply_month_rollups_month_idx" ON "appeal_reply_month_rollups" USING btree ("month");--> statement-breakpoint
INSERT INTO "appeal_month_rollups" ("department_id", "month", "type", "received", "replied", "replied_on_time", "with_first_contact", "first_contact_in_time", "replied_rated", "rated_1", "rated_2", "rated_3", "rated_4", "rated_5")
SELECT "department_id", date_trunc('month', "day")::date, "type", sum("received")::int, sum("replied")::int, sum("replied_on_time")::int, sum("with_first_contact")::int, sum("first_contact_in_time")::int, sum("replied_rated")::int, sum("rated_1")::int, sum("rated_2")::int, sum("rated_3")::int, sum("rated_4")::int, sum("rated_5")::int
FROM "appeal_day_rollups" GROUP BY "department_id", date_trunc('month', "day")::date, "type";
--> statement-breakpoint
INSERT INTO "appeal_reply_month_rollups" ("department_id", "month", "working_days", "replies")
SELECT "department_id", date_trunc('month', "day")::date, "working_days", sum("replies")::int
FROM "appeal_reply_day_rollups" GROUP BY "department_id", date_trunc('month', "day")::date, "working_days";
--> statement-breakpoint
INSERT INTO "appeal_total_day_rollups" ("day", "type", "received", "replied", "replied_on_time", "with_first_contact", "first_contact_in_time", "replied_rated", "rated_1", "rated_2", "rated_3", "rated_4", "rated_5")
SELECT "day", "type", sum("received")::int, sum("replied")::int, sum("replied_on_time")::int, sum("with_first_contact")::int, sum("first_contact_in_time")::int, sum("replied_rated")::int, sum("rated_1")::int, sum("rated_2")::int, sum("rated_3")::int, sum("rated_4")::int, sum("rated_5")::int
FROM "appeal_day_rollups" GROUP BY "day", "type";
--> statement-breakpoint
INSERT INTO "appeal_total_reply_day_rollups" ("day", "working_days", "replies")
SELECT "day", "working_days", sum("replies")::int
FROM "appeal_reply_day_rollups" GROUP BY "day", "working_days";
