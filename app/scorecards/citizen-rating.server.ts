/**
 * The citizen rating form's action on a public scorecard page (anyone, no sign-in):
 * CSRF-checked like every form, parsed with zod, limited per client address (by its keyed
 * hash only), and answered Post/Redirect/Get with `?rated=1`, or the page again with
 * the errors beside the form (400, or 429 when a limit is reached).
 */
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import {
  addressHash,
  submitPublicRating,
  type RatingTarget,
} from "../../db/queries/public-ratings.server";
import { COMMENT_MAX } from "../../db/scorecards/citizen-rating";
import { getDb } from "../../db/runtime.server";
import { scorecardPagePath } from "../../db/scorecards/addresses";
import type { ScorecardSubject } from "../../db/scorecards/payload";
import { createI18n, type I18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { readForm } from "~/utils/csrf.server";
import { fieldErrors } from "~/utils/field-errors";
import { notFound } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";
import { getSettings } from "~/utils/settings.server";
import { RATING_ANCHOR } from "./citizen-rating-form";

const ratingForm = (i18n: I18n, subject: ScorecardSubject) =>
  z.object({
    score: z.coerce
      .number({ message: i18n.t("rate.error.score") })
      .int(i18n.t("rate.error.score"))
      .min(1, i18n.t("rate.error.score"))
      .max(5, i18n.t("rate.error.score")),
    comment: z
      .string()
      .trim()
      .max(COMMENT_MAX, i18n.t("rate.error.comment", { max: COMMENT_MAX }))
      .optional()
      .transform((value) => value || null),
    item:
      subject === "department"
        ? z.string({ message: i18n.t("rate.error.item") }).min(1, i18n.t("rate.error.item"))
        : z.unknown().transform(() => null),
  });

/**
 * The key the client address is hashed with: MINGJING_PII_KEY when set (the key for
 * callers' personal data), else the session secret the server always has.
 */
function hashKey(): string {
  const key = getSettings().piiKey ?? process.env.SESSION_SECRET;
  if (!key) throw new Error("No key to hash client addresses with: SESSION_SECRET is unset.");
  return key;
}

export type RatingActionData = {
  errors: Record<string, string>;
  values: { score: string; comment: string; item: string };
};

export async function citizenRatingAction(
  request: Request,
  subject: ScorecardSubject,
  code: string | undefined,
) {
  const form = await readForm(request);
  if (!code) throw notFound();
  const i18n = createI18n(localeOf(request));
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = { score: text("score"), comment: text("comment"), item: text("item") };
  const parsed = ratingForm(i18n, subject).safeParse({
    score: form.get("score") ?? undefined,
    comment: text("comment"),
    item: form.get("item") ?? undefined,
  });
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), values } satisfies RatingActionData, {
      status: 400,
    });
  }
  const target: RatingTarget =
    subject === "project"
      ? { kind: "project", projectCode: code }
      : { kind: "service", departmentCode: code, itemCode: String(parsed.data.item) };
  const outcome = await submitPublicRating(getDb(), {
    target,
    score: parsed.data.score,
    comment: parsed.data.comment,
    addressHash: addressHash(clientIp(request), hashKey()),
    timeZone: getSettings().timeZone,
  });
  if (!outcome.ok && outcome.reason === "not_found") throw notFound();
  if (!outcome.ok) {
    const hours = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 3600));
    const message =
      outcome.limit === "target"
        ? i18n.t("rate.error.limitTarget", { hours })
        : i18n.t("rate.error.limitAddress", {
            minutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)),
          });
    return data({ errors: { form: message }, values } satisfies RatingActionData, {
      status: 429,
      headers: { "Retry-After": String(outcome.retryAfterSeconds) },
    });
  }
  return redirect(`${scorecardPagePath(subject, code)}?rated=1#${RATING_ANCHOR}`);
}
