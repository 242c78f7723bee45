import type { LoaderFunctionArgs } from "@remix-run/node";
import { createI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { findJob, jobStatus, ownsRunningJob } from "~/imports/jobs.server";
import { notFound, requireUser } from "~/utils/permissions.server";

/** GET /imports/jobs/:id: how far an import job has got (JSON), for its owner only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const job =
    (await ownsRunningJob(request, id)) ??
    findJob(id, (await requireUser(request, { roles: ["admin", "steward"] })).id);
  if (!job) throw notFound();
  return Response.json(jobStatus(job, createI18n(localeOf(request))), {
    headers: { "Cache-Control": "no-store" },
  });
}
