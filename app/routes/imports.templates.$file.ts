import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/utils/csv-export";
import { parseTemplateFile, templateCsv, templateXlsx } from "~/imports/templates.server";
import { notFound, requireUser } from "~/utils/permissions.server";

/** /imports/templates/KIND.csv and KIND.xlsx: the header row and one example row. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin", "steward"] });
  const file = parseTemplateFile(params.file);
  if (!file) throw notFound();
  const name = `mingjing-${file.kind}-template.${file.extension}`;
  if (file.extension === "csv") return csvResponse(templateCsv(file.kind), name);
  return new Response(new Uint8Array(await templateXlsx(file.kind)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
