import type { LoaderFunctionArgs } from "@remix-run/node";
import { tableDownloadAnswer } from "~/scorecards/table-downloads.server";

/** Anyone: one table of a project's published scorecard as CSV or JSON (`kpis.csv`, `?version=N`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return tableDownloadAnswer(request, "project", params.code, params.table);
}
