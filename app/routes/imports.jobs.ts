import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createI18n, type I18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { readForm } from "~/utils/csrf.server";
import { jobStatus, runningJobOf, startCheck, startCommit } from "~/imports/jobs.server";
import { importFieldErrors } from "~/imports/messages";
import { findUpload, receiveUpload } from "~/imports/uploads.server";
import { notFound, requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

/**
 * POST /imports/jobs: what the upload page's script posts (XHR, for the upload's progress)
 * instead of the plain form; answers at once with the job that checks the file.
 * POST /imports/jobs?upload=ID: commits a checked upload, answering with its job.
 * Each job's progress is then read from /imports/jobs/:id.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin", "steward"] });
  const i18n = createI18n(localeOf(request));
  return new Response(i18n.t("imports.jobs.methodNotAllowed"), {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}

const started = (job: Parameters<typeof jobStatus>[0], i18n: I18n) =>
  Response.json(
    { job: jobStatus(job, i18n) },
    { status: 202, headers: { "Cache-Control": "no-store" } },
  );

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  // What the page's script is told, in the person's language.
  const i18n = createI18n(localeOf(request));
  const uploadId = new URL(request.url).searchParams.get("upload");
  if (uploadId !== null) {
    const form = await readForm(request);
    const upload = findUpload(uploadId, user.id);
    if (!upload) throw notFound();
    return started(
      runningJobOf(upload) ??
        startCommit(upload, user, clientIp(request), form.get("skipInvalid") === "on"),
      i18n,
    );
  }
  const received = await receiveUpload(request, user);
  if (!received.ok) {
    return Response.json(
      { errors: importFieldErrors(i18n, received.errors) },
      { status: received.status, headers: { "Cache-Control": "no-store" } },
    );
  }
  return started(startCheck(received.upload, user, clientIp(request)), i18n);
}
