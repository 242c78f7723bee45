import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, toCsv } from "~/utils/csv-export";
import {
  batchErrors,
  ERROR_CSV_HEADER,
  errorFileName,
  errorRows,
  requireVisibleBatch,
} from "~/imports/batches.server";
import { requireUser } from "~/utils/permissions.server";

/** The error report a stored import batch keeps, as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const batch = await requireVisibleBatch(user, params.id);
  return csvResponse(
    toCsv(ERROR_CSV_HEADER, errorRows(batchErrors(batch.errorReport))),
    errorFileName(batch.fileName),
  );
}
