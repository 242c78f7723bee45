import { etagOf } from "../../db/queries/scorecard-snapshots.server";
import { LATEST, jsonAnswer } from "~/scorecards/open-data.server";
import { openApiDocument } from "~/scorecards/openapi.server";

/** Anyone: the OpenAPI 3.1 document of the open data API. */
export async function loader({ request }: { request: Request }) {
  const body = openApiDocument();
  return jsonAnswer(request, body, etagOf(body), LATEST);
}
