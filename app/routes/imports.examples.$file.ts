import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/utils/csv-export";
import { demoCsv, parseTemplateFile } from "~/imports/templates.server";
import { notFound, requireUser } from "~/utils/permissions.server";

/** /imports/examples/KIND.csv: the demo data of a kind, every row, as an example file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin", "steward"] });
  const file = parseTemplateFile(params.file);
  if (!file || file.extension !== "csv") throw notFound();
  return csvResponse(await demoCsv(file.kind), `mingjing-demo-${file.kind}.csv`);
}
