import type { LoaderFunctionArgs } from "@remix-run/node";
import { createI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { csvResponse, toCsv } from "~/utils/csv-export";
import { ERROR_CSV_HEADER, errorFileName, errorRows } from "~/imports/batches.server";
import { findUpload } from "~/imports/uploads.server";
import { notFound, requireUser } from "~/utils/permissions.server";

/** The error report of an upload's preview (or of its refused commit): every error kept. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const upload = findUpload(params.id ?? "", user.id);
  if (!upload) throw notFound();
  const report = upload.commitReport ?? upload.check?.report;
  const rows = errorRows(report?.errors ?? []);
  const failure = upload.check?.failure;
  if (failure) {
    // The reader's reason as it gave it, as the engine's reasons are; else said in the
    // request's language.
    const reason =
      failure.during === "read"
        ? failure.reason
        : createI18n(localeOf(request)).t("imports.preview.checkFailed", {
            message: failure.reason,
          });
    rows.unshift([upload.fileName, 1, "file", "", reason]);
  }
  return csvResponse(toCsv(ERROR_CSV_HEADER, rows), errorFileName(upload.fileName));
}
