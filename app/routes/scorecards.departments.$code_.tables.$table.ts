import type { LoaderFunctionArgs } from "@remix-run/node";
import { tableDownloadAnswer } from "~/scorecards/table-downloads.server";

/** Anyone: one table of a department's published scorecard as CSV or JSON (`kpis.json`, `?version=N`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return tableDownloadAnswer(request, "department", params.code, params.table);
}
