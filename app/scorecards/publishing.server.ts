/** The leader's side of publishing: who may, which subject a URL names, the draft's cut-off. */
import { z } from "zod";
import { getInventory } from "../../db/queries/inventory.server";
import { getHandle } from "../../db/runtime.server";
import { getSettings } from "../../db/settings.server";
import type { ScorecardSubject } from "../../db/scorecards/payload";
import { isIsoDate } from "../../metrics/iso-date";
import { localDateOf } from "../../metrics/time-zone";
import { notFound, requireUser } from "~/utils/permissions.server";

/** Leaders publish; admins too (they own the instance). Everyone else: 403. */
export const PUBLISHING_ROLES = ["admin", "leader"] as const;

export const requirePublisher = (request: Request) =>
  requireUser(request, { roles: [...PUBLISHING_ROLES] });

const SUBJECTS: Record<string, ScorecardSubject> = {
  projects: "project",
  departments: "department",
};

/** `projects` or `departments` in the URL; anything else is 404. */
export function subjectOf(param: string | undefined): ScorecardSubject {
  const subject = param ? SUBJECTS[param] : undefined;
  if (!subject) throw notFound();
  return subject;
}

export const todayLocal = () => localDateOf(new Date(), getSettings().timeZone);

/** A cut-off a leader may choose: a real date, no later than today. */
export const cutoffSchema = (today: string) =>
  z.string().refine((value) => isIsoDate(value) && value <= today);

/** The draft's default cut-off: the newest data date the instance holds, never after today. */
export async function defaultCutoff(): Promise<string> {
  const today = todayLocal();
  const { latestDataDate } = await getInventory(getHandle(), getSettings().timeZone);
  return latestDataDate && latestDataDate < today ? latestDataDate : today;
}
