-- Reference data every database holds, demo or not (DESIGN.md "Domain"): the default
-- KPI targets with their band edges, and the reply time limits per appeal type.
INSERT INTO "kpi_targets" ("kpi", "direction", "target", "target_max", "amber_from", "amber_to", "basis") VALUES
  ('reply_rate', 'at_least', 0.99, NULL, 0.97, NULL, 'County hotline practice: 99 % of appeals replied'),
  ('on_time_reply_rate', 'at_least', 0.95, NULL, 0.90, NULL, 'Reply within the time limit of the appeal type (default 5 working days)'),
  ('first_contact_rate', 'at_least', 0.95, NULL, 0.90, NULL, 'Contact the citizen within 1 working day'),
  ('satisfaction_rate', 'at_least', 0.90, NULL, 0.85, NULL, 'County hotline practice: about 91.5 % satisfied'),
  ('bad_review_rate', 'at_most', 0.02, NULL, NULL, 0.05, '好差评: bad reviews at most 2 % of rated'),
  ('service_coverage', 'at_least', 0.80, NULL, 0.60, NULL, 'Items offered fully online (全程网办, maturity 3 or 4)'),
  ('high_frequency_coverage', 'at_least', 0.95, NULL, 0.85, NULL, 'High-frequency items offered fully online'),
  ('digital_take_up', 'at_least', 0.80, NULL, 0.60, NULL, 'Share of transactions made online'),
  ('on_time_completion', 'at_least', 0.98, NULL, 0.95, NULL, 'Completed within the promised time limit (承诺时限)'),
  ('budget_execution', 'between', 0.90, 1.10, 0.70, 1.30, 'Actual spend within 10 % of planned spend'),
  ('cpi', 'at_least', 0.90, NULL, 0.70, NULL, 'Earned value: cost performance index'),
  ('spi', 'at_least', 0.90, NULL, 0.70, NULL, 'Earned value: schedule performance index'),
  ('outcome_achievement', 'at_least', 1, NULL, 0.80, NULL, 'Outcome indicators reach their targets (绩效目标)'),
  ('service_rating_satisfaction', 'at_least', 0.90, NULL, 0.85, NULL, '好差评: citizens rating a service 4 or 5');
--> statement-breakpoint
INSERT INTO "reply_time_limits" ("appeal_type", "working_days") VALUES
  ('complaint', 5), ('consultation', 5), ('suggestion', 5), ('praise', 5);
--> statement-breakpoint
-- Append-only tables: the app has no update or delete path, and the database refuses one.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "scorecard_snapshots_immutable" BEFORE UPDATE OR DELETE ON "scorecard_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "scorecard_snapshots_no_truncate" BEFORE TRUNCATE ON "scorecard_snapshots"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
