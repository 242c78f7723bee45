CREATE TYPE "public"."rating_appeal_state" AS ENUM('pending', 'upheld', 'dismissed');--> statement-breakpoint
CREATE TABLE "rating_appeals" (
	"id" serial PRIMARY KEY NOT NULL,
	"rating_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"filed_by" integer NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" "rating_appeal_state" DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "rating_appeals_reason_not_blank" CHECK ("rating_appeals"."reason" ~ '[^\s\u00a0\u2000-\u200b\u3000]'),
	CONSTRAINT "rating_appeals_decided" CHECK (("rating_appeals"."state" = 'pending') = ("rating_appeals"."decided_at" is null) and ("rating_appeals"."state" = 'pending' or btrim(coalesce("rating_appeals"."decision_reason", '')) <> ''))
);
--> statement-breakpoint
CREATE TABLE "round_results" (
	"round_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"framework_id" integer NOT NULL,
	"score" numeric,
	"criteria" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_results_round_id_project_id_pk" PRIMARY KEY("round_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "moderated_by" integer;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "moderated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "deadline" date;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "closed_by" integer;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD COLUMN "justify_below" numeric;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD COLUMN "justify_above" numeric;--> statement-breakpoint
ALTER TABLE "scores" ADD COLUMN "return_comment" text;--> statement-breakpoint
ALTER TABLE "scores" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scores" ADD COLUMN "returned_by" integer;--> statement-breakpoint
ALTER TABLE "rating_appeals" ADD CONSTRAINT "rating_appeals_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_appeals" ADD CONSTRAINT "rating_appeals_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_appeals" ADD CONSTRAINT "rating_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_results" ADD CONSTRAINT "round_results_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_results" ADD CONSTRAINT "round_results_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_results" ADD CONSTRAINT "round_results_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rating_appeals_rating_key" ON "rating_appeals" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "rating_appeals_state_idx" ON "rating_appeals" USING btree ("state");--> statement-breakpoint
CREATE INDEX "round_results_project_idx" ON "round_results" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD CONSTRAINT "framework_nodes_justify_ordered" CHECK ("framework_nodes"."justify_below" is null or "framework_nodes"."justify_above" is null or "framework_nodes"."justify_below" <= "framework_nodes"."justify_above");--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_return_has_comment" CHECK (("scores"."returned_at" is null) = ("scores"."return_comment" is null));