CREATE TABLE "appeal_day_rollups" (
	"department_id" integer NOT NULL,
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
	CONSTRAINT "appeal_day_rollups_department_id_day_type_pk" PRIMARY KEY("department_id","day","type")
);
--> statement-breakpoint
CREATE TABLE "appeal_reply_day_rollups" (
	"department_id" integer NOT NULL,
	"day" date NOT NULL,
	"type" "appeal_type" NOT NULL,
	"working_days" integer NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appeal_reply_day_rollups_department_id_day_type_working_days_pk" PRIMARY KEY("department_id","day","type","working_days")
);
--> statement-breakpoint
CREATE TABLE "project_month_spend_rollups" (
	"project_id" integer NOT NULL,
	"period" date NOT NULL,
	"planned_yuan" numeric(18, 2) NOT NULL,
	"actual_yuan" numeric(18, 2) NOT NULL,
	CONSTRAINT "project_month_spend_rollups_project_id_period_pk" PRIMARY KEY("project_id","period")
);
--> statement-breakpoint
CREATE TABLE "service_month_rollups" (
	"department_id" integer NOT NULL,
	"period" date NOT NULL,
	"transactions" integer DEFAULT 0 NOT NULL,
	"transactions_reporting_online" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"completed_reporting_on_time" integer DEFAULT 0 NOT NULL,
	"completed_on_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_month_rollups_department_id_period_pk" PRIMARY KEY("department_id","period")
);
--> statement-breakpoint
ALTER TABLE "appeal_day_rollups" ADD CONSTRAINT "appeal_day_rollups_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_reply_day_rollups" ADD CONSTRAINT "appeal_reply_day_rollups_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_month_spend_rollups" ADD CONSTRAINT "project_month_spend_rollups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_month_rollups" ADD CONSTRAINT "service_month_rollups_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_day_rollups_day_idx" ON "appeal_day_rollups" USING btree ("day");--> statement-breakpoint
CREATE INDEX "appeal_reply_day_rollups_day_idx" ON "appeal_reply_day_rollups" USING btree ("day");--> statement-breakpoint
CREATE INDEX "service_month_rollups_period_idx" ON "service_month_rollups" USING btree ("period");