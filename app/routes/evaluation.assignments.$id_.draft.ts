import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/runtime.server";
import { saveRubric } from "~/evaluation/save-rubric.server";
import { actorOf, requireOpenAssignment } from "~/evaluation/workspace.server";
import { createI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { readForm } from "~/utils/csrf.server";
import { requireIdParam } from "~/utils/id-param.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

/**
 * POST /evaluation/assignments/:id/draft: what the rubric form's script posts as the
 * evaluator types (the whole form), answered with JSON: `{ savedAt }`, or `{ errors }`
 * with 400 (a field it could not store; the rest is stored), 404 or 409 (locked).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["evaluator"] });
  await requireOpenAssignment(getDb(), user, requireIdParam(params.id));
  return new Response("POST the rubric form here to save it as a draft.", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}

const json = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["evaluator"] });
  const form = await readForm(request);
  const db = getDb();
  const assignment = await requireOpenAssignment(db, user, requireIdParam(params.id));
  const i18n = createI18n(localeOf(request));
  const outcome = await saveRubric(
    db,
    assignment,
    form,
    "draft",
    i18n,
    actorOf(user, clientIp(request)),
  );
  if ("errors" in outcome)
    return json({ errors: outcome.errors, savedAt: outcome.savedAt ?? null }, outcome.status);
  return json({ savedAt: outcome.savedAt }, 200);
}
