/**
 * The ids of the settings page's inputs, which its form parsing names errors by (so the
 * error summary links to the field at fault). Not a .server module: the page's component
 * renders them in the browser too.
 */
import type { AppealType, RectificationSource } from "../../db/schema/enum-values";

export const TARGET_FIELDS = ["target", "targetMax", "amberFrom", "amberTo"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** The id of a target's input: one table row per KPI. */
export const targetFieldId = (kpi: string, field: TargetField | "direction") => `${kpi}-${field}`;

export const replyFieldId = (type: AppealType) => `reply-${type}`;

export const rectificationFieldId = (source: RectificationSource) => `rectification-${source}`;

export const STALE_FIELD_ID = "staleAfterDays";

export const CALENDAR_FIELD_IDS = {
  date: "calendar-date",
  working: "calendar-working",
  name: "calendar-name",
} as const;
