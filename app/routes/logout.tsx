import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "../../db/queries/audit.server";
import { getDb } from "../../db/runtime.server";
import { readForm } from "~/utils/csrf.server";
import { clientIp, endSession, getOptionalUser } from "~/utils/session.server";

/** Signing out is a POST (a link could be followed by a prefetch or a third party). */
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const user = await getOptionalUser(request);
  const cookie = await endSession(request);
  if (user) {
    await recordAudit(getDb(), {
      actorId: user.id,
      actorName: user.username,
      action: "auth.sign_out",
      ip: clientIp(request),
    });
  }
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}
