import type { LoaderFunctionArgs } from "@remix-run/node";
import { scorecardAnswer } from "~/scorecards/open-data.server";

/** Anyone: a department's published scorecard, the latest or `?version=N` (OpenAPI: /api/openapi.json). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return scorecardAnswer(request, "department", params.code);
}
