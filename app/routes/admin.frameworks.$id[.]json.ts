import type { LoaderFunctionArgs } from "@remix-run/node";
import { frameworkToJson, loadFrameworkVersion } from "../../db/queries/frameworks.server";
import { getDb } from "../../db/runtime.server";
import { requireIdParam } from "~/utils/id-param.server";
import { notFound, requireUser } from "~/utils/permissions.server";

/** One framework version as a JSON file (db/queries/framework-json.server.ts), to download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const version = await loadFrameworkVersion(getDb(), requireIdParam(params.id));
  if (!version) throw notFound();
  const fileName = `${version.code}-v${version.version}.json`;
  return new Response(`${JSON.stringify(frameworkToJson(version), null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
