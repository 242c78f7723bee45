CREATE TYPE "public"."appeal_type" AS ENUM('complaint', 'consultation', 'suggestion', 'praise');--> statement-breakpoint
CREATE TYPE "public"."assessment_state" AS ENUM('draft', 'submitted', 'moderated', 'final');--> statement-breakpoint
CREATE TYPE "public"."calendar_source" AS ENUM('package', 'import');--> statement-breakpoint
CREATE TYPE "public"."cost_category" AS ENUM('hardware', 'software', 'services', 'operation_maintenance', 'security', 'training');--> statement-breakpoint
CREATE TYPE "public"."criterion_scoring" AS ENUM('evaluator', 'kpi');--> statement-breakpoint
CREATE TYPE "public"."framework_node_kind" AS ENUM('dimension', 'criterion');--> statement-breakpoint
CREATE TYPE "public"."funding_source" AS ENUM('fiscal', 'special_fund', 'private_partner');--> statement-breakpoint
CREATE TYPE "public"."import_kind" AS ENUM('regions', 'departments', 'projects', 'budget-lines', 'milestones', 'outcome-indicators', 'outcome-values', 'service-items', 'service-stats', 'appeals', 'ratings', 'calendar');--> statement-breakpoint
CREATE TYPE "public"."import_state" AS ENUM('previewed', 'committed', 'failed', 'reverted');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('higher', 'lower');--> statement-breakpoint
CREATE TYPE "public"."lifecycle_stage" AS ENUM('proposal', 'feasibility', 'approval', 'procurement', 'construction', 'trial_operation', 'acceptance', 'operation', 'post_evaluation', 'retired');--> statement-breakpoint
CREATE TYPE "public"."moderation_state" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."rating_target" AS ENUM('service', 'project');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('province', 'city', 'county');--> statement-breakpoint
CREATE TYPE "public"."round_state" AS ENUM('planning', 'open', 'moderation', 'closed');--> statement-breakpoint
CREATE TYPE "public"."snapshot_subject" AS ENUM('project', 'department');--> statement-breakpoint
CREATE TYPE "public"."target_direction" AS ENUM('at_least', 'at_most', 'between');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'leader', 'steward', 'evaluator');--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_id" integer,
	"parent_id" integer,
	"batch_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_code_format" CHECK ("departments"."code" ~ '^[^\x01-\x20\x21-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]{1,64}$'),
	CONSTRAINT "departments_name_not_blank" CHECK ("departments"."name" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "departments_not_own_parent" CHECK ("departments"."parent_id" is distinct from "departments"."id")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" "region_level" NOT NULL,
	"parent_id" integer,
	"batch_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_code_format" CHECK ("regions"."code" ~ '^[^\x01-\x20\x21-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]{1,64}$'),
	CONSTRAINT "regions_name_not_blank" CHECK ("regions"."name" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "regions_not_own_parent" CHECK ("regions"."parent_id" is distinct from "regions"."id")
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"period" date NOT NULL,
	"category" "cost_category",
	"planned_yuan" numeric(18, 2) NOT NULL,
	"actual_yuan" numeric(18, 2) NOT NULL,
	"batch_id" bigint,
	CONSTRAINT "budget_lines_natural_key" UNIQUE NULLS NOT DISTINCT("project_id","period","category"),
	CONSTRAINT "budget_lines_period_is_month" CHECK (extract(day from "budget_lines"."period") = 1),
	CONSTRAINT "budget_lines_planned_non_negative" CHECK ("budget_lines"."planned_yuan" >= 0),
	CONSTRAINT "budget_lines_actual_non_negative" CHECK ("budget_lines"."actual_yuan" >= 0)
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"name" text NOT NULL,
	"stage" "lifecycle_stage",
	"weight" numeric(12, 6) NOT NULL,
	"planned_date" date NOT NULL,
	"actual_date" date,
	"forecast_date" date,
	"batch_id" bigint,
	CONSTRAINT "milestones_name_not_blank" CHECK ("milestones"."name" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "milestones_weight_non_negative" CHECK ("milestones"."weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "outcome_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"direction" "indicator_direction" NOT NULL,
	"baseline" numeric NOT NULL,
	"target" numeric NOT NULL,
	"weight" numeric(12, 6),
	"batch_id" bigint,
	CONSTRAINT "outcome_indicators_code_format" CHECK ("outcome_indicators"."code" ~ '^[^\x01-\x20\x21-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]{1,64}$'),
	CONSTRAINT "outcome_indicators_name_not_blank" CHECK ("outcome_indicators"."name" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "outcome_indicators_weight_non_negative" CHECK ("outcome_indicators"."weight" >= 0),
	CONSTRAINT "outcome_indicators_target_matches_direction" CHECK (("outcome_indicators"."direction" = 'higher' and "outcome_indicators"."target" >= "outcome_indicators"."baseline") or ("outcome_indicators"."direction" = 'lower' and "outcome_indicators"."target" <= "outcome_indicators"."baseline"))
);
--> statement-breakpoint
CREATE TABLE "outcome_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" date NOT NULL,
	"actual" numeric NOT NULL,
	"batch_id" bigint,
	CONSTRAINT "outcome_values_period_is_month" CHECK (extract(day from "outcome_values"."period") = 1)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department_id" integer NOT NULL,
	"category" text,
	"funding_source" "funding_source",
	"stage" "lifecycle_stage" DEFAULT 'proposal' NOT NULL,
	"budget_yuan" numeric(18, 2) NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"target_users" integer,
	"batch_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_code_format" CHECK ("projects"."code" ~ '^[^\x01-\x20\x21-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]{1,64}$'),
	CONSTRAINT "projects_name_not_blank" CHECK ("projects"."name" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "projects_budget_non_negative" CHECK ("projects"."budget_yuan" >= 0),
	CONSTRAINT "projects_target_users_non_negative" CHECK ("projects"."target_users" >= 0),
	CONSTRAINT "projects_dates_ordered" CHECK ("projects"."planned_end" >= "projects"."planned_start")
);
--> statement-breakpoint
CREATE TABLE "service_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department_id" integer NOT NULL,
	"maturity" smallint NOT NULL,
	"one_visit" boolean DEFAULT false NOT NULL,
	"high_frequency" boolean DEFAULT false NOT NULL,
	"time_limit_days" integer,
	"batch_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_items_code_format" CHECK ("service_items"."code" ~ '^[^\x01-\x20\x21-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]{1,64}$'),
	CONSTRAINT "service_items_name_not_blank" CHECK ("service_items"."name" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "service_items_maturity_range" CHECK ("service_items"."maturity" between 0 and 4),
	CONSTRAINT "service_items_time_limit_non_negative" CHECK ("service_items"."time_limit_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_stats" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"period" date NOT NULL,
	"transactions" integer NOT NULL,
	"online" integer,
	"completed" integer,
	"completed_on_time" integer,
	"batch_id" bigint,
	CONSTRAINT "service_stats_period_is_month" CHECK (extract(day from "service_stats"."period") = 1),
	CONSTRAINT "service_stats_transactions_non_negative" CHECK ("service_stats"."transactions" >= 0),
	CONSTRAINT "service_stats_online_in_range" CHECK ("service_stats"."online" between 0 and "service_stats"."transactions"),
	CONSTRAINT "service_stats_completed_non_negative" CHECK ("service_stats"."completed" >= 0),
	CONSTRAINT "service_stats_on_time_in_range" CHECK ("service_stats"."completed_on_time" >= 0 and ("service_stats"."completed" is null or "service_stats"."completed_on_time" <= "service_stats"."completed"))
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"channel" text,
	"department_id" integer NOT NULL,
	"type" "appeal_type" NOT NULL,
	"category" text,
	"received_at" timestamp with time zone NOT NULL,
	"first_contact_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"satisfaction" smallint,
	"caller_hash" text,
	"batch_id" bigint,
	CONSTRAINT "appeals_external_id_not_blank" CHECK ("appeals"."external_id" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "appeals_satisfaction_range" CHECK ("appeals"."satisfaction" between 1 and 5),
	CONSTRAINT "appeals_first_contact_after_received" CHECK ("appeals"."first_contact_at" >= "appeals"."received_at"),
	CONSTRAINT "appeals_replied_after_received" CHECK ("appeals"."replied_at" >= "appeals"."received_at"),
	CONSTRAINT "appeals_closed_after_received" CHECK ("appeals"."closed_at" >= "appeals"."received_at"),
	CONSTRAINT "appeals_due_after_received" CHECK ("appeals"."due_at" >= "appeals"."received_at")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"target" "rating_target" NOT NULL,
	"service_item_id" integer,
	"project_id" integer,
	"score" smallint NOT NULL,
	"channel" text,
	"rated_at" timestamp with time zone NOT NULL,
	"comment" text,
	"comment_state" "moderation_state",
	"batch_id" bigint,
	CONSTRAINT "ratings_external_id_not_blank" CHECK ("ratings"."external_id" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "ratings_score_range" CHECK ("ratings"."score" between 1 and 5),
	CONSTRAINT "ratings_target_matches" CHECK (("ratings"."target" = 'service' and "ratings"."service_item_id" is not null and "ratings"."project_id" is null) or ("ratings"."target" = 'project' and "ratings"."project_id" is not null and "ratings"."service_item_id" is null)),
	CONSTRAINT "ratings_comment_state_with_comment" CHECK (("ratings"."comment" is null) = ("ratings"."comment_state" is null))
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"is_working" boolean NOT NULL,
	"name" text,
	"source" "calendar_source" NOT NULL,
	"batch_id" bigint
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"kpi" text PRIMARY KEY NOT NULL,
	"direction" "target_direction" NOT NULL,
	"target" numeric NOT NULL,
	"target_max" numeric,
	"amber_from" numeric,
	"amber_to" numeric,
	"basis" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_targets_between_has_max" CHECK (("kpi_targets"."direction" = 'between') = ("kpi_targets"."target_max" is not null)),
	CONSTRAINT "kpi_targets_max_above_min" CHECK ("kpi_targets"."target_max" >= "kpi_targets"."target")
);
--> statement-breakpoint
CREATE TABLE "reply_time_limits" (
	"appeal_type" "appeal_type" PRIMARY KEY NOT NULL,
	"working_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_time_limits_positive" CHECK ("reply_time_limits"."working_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"ip" text,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_expiry_after_creation" CHECK ("sessions"."expires_at" > "sessions"."created_at")
);
--> statement-breakpoint
CREATE TABLE "user_departments" (
	"user_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	CONSTRAINT "user_departments_user_id_department_id_pk" PRIMARY KEY("user_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_format" CHECK ("users"."username" ~ '^[A-Za-z0-9_.-]{2,64}$')
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"evaluator_id" integer NOT NULL,
	"no_conflict_declared_at" timestamp with time zone,
	"conflict_statement" text,
	"state" "assessment_state" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_submitted_has_time" CHECK ("assignments"."state" = 'draft' or "assignments"."submitted_at" is not null),
	CONSTRAINT "assignments_submitted_after_declaration" CHECK ("assignments"."state" = 'draft' or "assignments"."no_conflict_declared_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"framework_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"state" "round_state" DEFAULT 'planning' NOT NULL,
	"disagreement_threshold" numeric DEFAULT '20' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_rounds_code_format" CHECK ("evaluation_rounds"."code" ~ '^[^\x01-\x20\x21-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]{1,64}$'),
	CONSTRAINT "evaluation_rounds_name_not_blank" CHECK ("evaluation_rounds"."name" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "evaluation_rounds_period_ordered" CHECK ("evaluation_rounds"."period_end" >= "evaluation_rounds"."period_start"),
	CONSTRAINT "evaluation_rounds_threshold_positive" CHECK ("evaluation_rounds"."disagreement_threshold" > 0)
);
--> statement-breakpoint
CREATE TABLE "framework_nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"parent_id" integer,
	"kind" "framework_node_kind" NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"weight" numeric(8, 6) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"scoring" "criterion_scoring",
	"kpi_key" text,
	"min_score" numeric,
	"max_score" numeric,
	CONSTRAINT "framework_nodes_code_format" CHECK ("framework_nodes"."code" ~ '^[^\x01-\x20\x21-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]{1,64}$'),
	CONSTRAINT "framework_nodes_name_not_blank" CHECK ("framework_nodes"."name" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "framework_nodes_weight_range" CHECK ("framework_nodes"."weight" between 0 and 1),
	CONSTRAINT "framework_nodes_criterion_scoring" CHECK (("framework_nodes"."kind" = 'criterion') = ("framework_nodes"."scoring" is not null)),
	CONSTRAINT "framework_nodes_kpi_binding" CHECK (("framework_nodes"."scoring" is not distinct from 'kpi') = ("framework_nodes"."kpi_key" is not null)),
	CONSTRAINT "framework_nodes_score_range" CHECK ("framework_nodes"."scoring" is distinct from 'evaluator' or ("framework_nodes"."min_score" is not null and "framework_nodes"."max_score" is not null and "framework_nodes"."max_score" > "framework_nodes"."min_score"))
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "frameworks_name_not_blank" CHECK ("frameworks"."name" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "frameworks_code_format" CHECK ("frameworks"."code" ~ '^[^\x01-\x20\x21-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]{1,64}$'),
	CONSTRAINT "frameworks_version_positive" CHECK ("frameworks"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "round_projects" (
	"round_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	CONSTRAINT "round_projects_round_id_project_id_pk" PRIMARY KEY("round_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "rubric_levels" (
	"id" serial PRIMARY KEY NOT NULL,
	"criterion_id" integer NOT NULL,
	"label" text NOT NULL,
	"min_score" numeric NOT NULL,
	"max_score" numeric NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "rubric_levels_label_not_blank" CHECK ("rubric_levels"."label" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "rubric_levels_range_ordered" CHECK ("rubric_levels"."min_score" <= "rubric_levels"."max_score")
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"id" serial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"criterion_id" integer NOT NULL,
	"value" numeric,
	"justification" text,
	"evidence" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject" "snapshot_subject" NOT NULL,
	"subject_code" text NOT NULL,
	"version" integer NOT NULL,
	"framework_id" integer,
	"data_cutoff" date NOT NULL,
	"payload" jsonb NOT NULL,
	"correction_reason" text,
	"published_by" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_snapshots_version_positive" CHECK ("scorecard_snapshots"."version" >= 1),
	CONSTRAINT "scorecard_snapshots_correction_has_reason" CHECK ("scorecard_snapshots"."version" = 1 or btrim(coalesce("scorecard_snapshots"."correction_reason", '')) <> '')
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"action" text NOT NULL,
	"object_kind" text,
	"object_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	CONSTRAINT "audit_events_action_format" CHECK ("audit_events"."action" ~ '^[a-z_]+(\.[a-z_]+)*$')
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "import_kind" NOT NULL,
	"file_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"encoding" text,
	"delimiter" text,
	"user_id" integer,
	"department_id" integer,
	"state" "import_state" NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_accepted" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"error_report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"reverted_at" timestamp with time zone,
	CONSTRAINT "import_batches_byte_size_non_negative" CHECK ("import_batches"."byte_size" >= 0),
	CONSTRAINT "import_batches_hash_format" CHECK ("import_batches"."content_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "import_batches_row_counts" CHECK ("import_batches"."rows_accepted" >= 0 and "import_batches"."rows_rejected" >= 0 and "import_batches"."rows_accepted" + "import_batches"."rows_rejected" <= "import_batches"."rows_total"),
	CONSTRAINT "import_batches_committed_has_time" CHECK (("import_batches"."state" in ('committed', 'reverted')) = ("import_batches"."committed_at" is not null)),
	CONSTRAINT "import_batches_reverted_has_time" CHECK (("import_batches"."state" = 'reverted') = ("import_batches"."reverted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "import_replaced_rows" (
	"batch_id" bigint NOT NULL,
	"natural_key" text NOT NULL,
	"before" jsonb,
	CONSTRAINT "import_replaced_rows_batch_id_natural_key_pk" PRIMARY KEY("batch_id","natural_key")
);
--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_id_departments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_indicators" ADD CONSTRAINT "outcome_indicators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_values" ADD CONSTRAINT "outcome_values_indicator_id_outcome_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."outcome_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_items" ADD CONSTRAINT "service_items_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_stats" ADD CONSTRAINT "service_stats_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_service_item_id_service_items_id_fk" FOREIGN KEY ("service_item_id") REFERENCES "public"."service_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_departments" ADD CONSTRAINT "user_departments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_departments" ADD CONSTRAINT "user_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_round_project_fk" FOREIGN KEY ("round_id","project_id") REFERENCES "public"."round_projects"("round_id","project_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD CONSTRAINT "framework_nodes_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD CONSTRAINT "framework_nodes_parent_id_framework_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."framework_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_projects" ADD CONSTRAINT "round_projects_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_projects" ADD CONSTRAINT "round_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_levels" ADD CONSTRAINT "rubric_levels_criterion_id_framework_nodes_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."framework_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_criterion_id_framework_nodes_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."framework_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_replaced_rows" ADD CONSTRAINT "import_replaced_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "departments_code_key" ON "departments" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_name_key" ON "departments" USING btree ("name");--> statement-breakpoint
CREATE INDEX "departments_region_idx" ON "departments" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_code_key" ON "regions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "budget_lines_period_idx" ON "budget_lines" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "milestones_natural_key" ON "milestones" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_indicators_natural_key" ON "outcome_indicators" USING btree ("project_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_values_natural_key" ON "outcome_values" USING btree ("indicator_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_key" ON "projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "projects_department_idx" ON "projects" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "projects_stage_idx" ON "projects" USING btree ("stage");--> statement-breakpoint
CREATE UNIQUE INDEX "service_items_code_key" ON "service_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "service_items_department_idx" ON "service_items" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_stats_natural_key" ON "service_stats" USING btree ("item_id","period");--> statement-breakpoint
CREATE INDEX "service_stats_period_idx" ON "service_stats" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_external_id_key" ON "appeals" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "appeals_department_received_idx" ON "appeals" USING btree ("department_id","received_at");--> statement-breakpoint
CREATE INDEX "appeals_received_idx" ON "appeals" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "appeals_batch_idx" ON "appeals" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_external_id_key" ON "ratings" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "ratings_service_item_idx" ON "ratings" USING btree ("service_item_id","rated_at");--> statement-breakpoint
CREATE INDEX "ratings_project_idx" ON "ratings" USING btree ("project_id","rated_at");--> statement-breakpoint
CREATE INDEX "login_attempts_username_idx" ON "login_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_natural_key" ON "assignments" USING btree ("round_id","project_id","evaluator_id");--> statement-breakpoint
CREATE INDEX "assignments_evaluator_idx" ON "assignments" USING btree ("evaluator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_code_key" ON "evaluation_rounds" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_nodes_code_key" ON "framework_nodes" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "framework_nodes_parent_idx" ON "framework_nodes" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_code_version_key" ON "frameworks" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_levels_label_key" ON "rubric_levels" USING btree ("criterion_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "scores_natural_key" ON "scores" USING btree ("assignment_id","criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_snapshots_version_key" ON "scorecard_snapshots" USING btree ("subject","subject_code","version");--> statement-breakpoint
CREATE INDEX "scorecard_snapshots_published_idx" ON "scorecard_snapshots" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "import_batches_hash_idx" ON "import_batches" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "import_batches_kind_idx" ON "import_batches" USING btree ("kind","created_at");