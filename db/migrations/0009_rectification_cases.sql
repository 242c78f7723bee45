CREATE TYPE "public"."rectification_source" AS ENUM('rating', 'red_flag');--> statement-breakpoint
CREATE TYPE "public"."rectification_state" AS ENUM('open', 'answered', 'returned', 'closed');--> statement-breakpoint
CREATE TYPE "public"."rectification_step_kind" AS ENUM('answered', 'returned', 'accepted');--> statement-breakpoint
CREATE TABLE "rectification_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"department_id" integer NOT NULL,
	"source" "rectification_source" NOT NULL,
	"rating_id" bigint,
	"flag_rule" text,
	"flag_subject" text,
	"note" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_on" date NOT NULL,
	"opened_by" integer,
	"limit_working_days" integer NOT NULL,
	"deadline" date NOT NULL,
	"state" "rectification_state" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_cases_source_matches" CHECK (("rectification_cases"."source" = 'rating' and "rectification_cases"."rating_id" is not null and "rectification_cases"."flag_rule" is null and "rectification_cases"."flag_subject" is null) or ("rectification_cases"."source" = 'red_flag' and "rectification_cases"."rating_id" is null and "rectification_cases"."flag_rule" is not null and "rectification_cases"."flag_subject" is not null and "rectification_cases"."note" is not null)),
	CONSTRAINT "rectification_cases_closed_has_time" CHECK (("rectification_cases"."state" = 'closed') = ("rectification_cases"."closed_at" is not null and "rectification_cases"."closed_on" is not null)),
	CONSTRAINT "rectification_cases_note_not_blank" CHECK ("rectification_cases"."note" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "rectification_cases_limit_positive" CHECK ("rectification_cases"."limit_working_days" between 1 and 365),
	CONSTRAINT "rectification_cases_deadline_after_opening" CHECK ("rectification_cases"."deadline" > "rectification_cases"."opened_on")
);
--> statement-breakpoint
CREATE TABLE "rectification_limits" (
	"source" "rectification_source" PRIMARY KEY NOT NULL,
	"working_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_limits_positive" CHECK ("rectification_limits"."working_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "rectification_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"kind" "rectification_step_kind" NOT NULL,
	"actor_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"found" text,
	"done" text,
	"evidence" text,
	"comment" text,
	CONSTRAINT "rectification_steps_found_not_blank" CHECK ("rectification_steps"."found" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "rectification_steps_done_not_blank" CHECK ("rectification_steps"."done" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "rectification_steps_answer_complete" CHECK ("rectification_steps"."kind" <> 'answered' or ("rectification_steps"."found" is not null and "rectification_steps"."done" is not null)),
	CONSTRAINT "rectification_steps_comment_not_blank" CHECK ("rectification_steps"."comment" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "rectification_steps_return_has_comment" CHECK ("rectification_steps"."kind" <> 'returned' or "rectification_steps"."comment" is not null)
);
--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_steps" ADD CONSTRAINT "rectification_steps_case_id_rectification_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rectification_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_steps" ADD CONSTRAINT "rectification_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_cases_rating_key" ON "rectification_cases" USING btree ("rating_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_cases_open_flag_key" ON "rectification_cases" USING btree ("flag_rule","flag_subject") WHERE "rectification_cases"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "rectification_cases_department_idx" ON "rectification_cases" USING btree ("department_id","state");--> statement-breakpoint
CREATE INDEX "rectification_steps_case_idx" ON "rectification_steps" USING btree ("case_id","at");--> statement-breakpoint
-- Reference data: the limits of the closing-the-loop issue (bad reviews 5 working days,
-- supervision notices 15) and a target for the on-time rectification rate.
INSERT INTO "rectification_limits" ("source", "working_days") VALUES ('rating', 5), ('red_flag', 15);
--> statement-breakpoint
INSERT INTO "kpi_targets" ("kpi", "direction", "target", "target_max", "amber_from", "amber_to", "basis") VALUES
  ('rectification_on_time_rate', 'at_least', 0.95, NULL, 0.85, NULL, '好差评 rules: every bad review rectified within the set working days');
