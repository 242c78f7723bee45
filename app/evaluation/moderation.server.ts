/**
 * The moderation pages' server side (/evaluation/rounds/:code/moderation…): which round,
 * what the return form posted, and what each refusal of
 * db/queries/round-moderation.server.ts says.
 */
import { z } from "zod";
import {
  findModerationRound,
  type ModerationRefusal,
  type ModerationRound,
  type PendingReturn,
} from "../../db/queries/round-moderation.server";
import type { Database } from "../../db/client.server";
import type { I18n, MessageKey } from "../i18n/i18n";
import { idParam } from "../utils/id-param.server";
import { notFound } from "../utils/permissions.server";
import { JUSTIFICATION_MAX_CHARS } from "./rubric-form.server";

/** The round of the URL, once it has opened (a round in planning has nothing to moderate). */
export async function requireModerationRound(
  db: Database,
  code: string | undefined,
): Promise<ModerationRound> {
  const round = code ? await findModerationRound(db, code) : null;
  if (!round || round.state === "planning") throw notFound();
  return round;
}

const viewQuery = z.object({
  flagged: z.literal("1").optional().catch(undefined),
  return: idParam().optional().catch(undefined),
  started: z.literal("1").optional().catch(undefined),
  returned: z.literal("1").optional().catch(undefined),
  closed: z.coerce.number().int().min(0).optional().catch(undefined),
});

/** The view's query: the filter, the score being returned, and what just happened. */
export function parseViewQuery(url: URL) {
  return viewQuery.parse(Object.fromEntries(url.searchParams));
}

/** The return form: which score, and the comment the evaluator will read. */
export function parseReturnForm(form: FormData, i18n: I18n) {
  const comment = String(form.get("comment") ?? "").trim();
  const scoreId = idParam().safeParse(String(form.get("scoreId") ?? ""));
  if (!scoreId.success)
    return { ok: false as const, errors: { form: i18n.t("moderation.error.score") }, comment };
  if (comment === "")
    return { ok: false as const, errors: { comment: i18n.t("moderation.error.comment") }, comment };
  if (comment.length > JUSTIFICATION_MAX_CHARS)
    return {
      ok: false as const,
      errors: {
        comment: i18n.t("moderation.error.commentLong", {
          max: i18n.number(JUSTIFICATION_MAX_CHARS),
        }),
      },
      comment,
    };
  return { ok: true as const, scoreId: scoreId.data, comment };
}

const REFUSALS: Record<ModerationRefusal, { status: number; message: MessageKey }> = {
  not_found: { status: 404, message: "moderation.refusal.not_found" },
  not_open: { status: 409, message: "moderation.refusal.not_open" },
  not_moderation: { status: 409, message: "moderation.refusal.not_moderation" },
  not_submitted: { status: 409, message: "moderation.refusal.not_submitted" },
  already_returned: { status: 409, message: "moderation.refusal.already_returned" },
  returns_pending: { status: 409, message: "moderation.refusal.returns_pending" },
};

/** A refusal as a status and a message naming what stands in the way. */
export function moderationRefusal(
  i18n: I18n,
  reason: ModerationRefusal,
  pending: readonly PendingReturn[] = [],
) {
  const { status, message } = REFUSALS[reason];
  const list = pending.map((item) => i18n.t("moderation.pendingItem", { ...item })).join("; ");
  return { status, errors: { form: i18n.t(message, { list }) } };
}
