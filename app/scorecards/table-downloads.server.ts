/**
 * Downloads of a published scorecard's tables, CSV or JSON, at
 * /scorecards/{projects|departments}/:code/tables/:table.{csv|json}[?version=N]. The rows
 * come from db/scorecards/tables.ts, the same definitions the page links, over the
 * snapshot alone. Caching as the API's: an ETag, 304, a version cached for good and the
 * latest briefly. A version never changes, so each body is built once per process.
 */
import { etagOf, type ServedSnapshot } from "../../db/queries/scorecard-snapshots.server";
import { scorecardApiPath } from "../../db/scorecards/addresses";
import type { ScorecardSubject } from "../../db/scorecards/payload";
import type { PublishedTableBody } from "../../db/scorecards/table-schema";
import { tableOf } from "../../db/scorecards/tables";
import { toCsv } from "~/utils/csv-export";
import { notFound } from "~/utils/permissions.server";
import { clientHasIt, IMMUTABLE, LATEST } from "./open-data.server";
import { requestedVersion, requireSnapshot } from "./public-scorecard.server";

type Format = "csv" | "json";

interface Built {
  body: string;
  etag: string;
  fileName: string;
}

/** Bodies per served snapshot (itself cached per version), then per table and format. */
const built = new WeakMap<ServedSnapshot, Map<string, Built | null>>();

function build(served: ServedSnapshot, table: string, format: Format): Built | null {
  let bodies = built.get(served);
  if (!bodies) {
    bodies = new Map();
    built.set(served, bodies);
  }
  const key = `${table}.${format}`;
  if (bodies.has(key)) return bodies.get(key) ?? null;
  const { snapshot } = served;
  const published = tableOf(snapshot.payload, table);
  let result: Built | null = null;
  if (published) {
    const body =
      format === "csv"
        ? toCsv(
            published.columns,
            published.rows.map((row) => published.columns.map((column) => row[column] ?? null)),
          )
        : JSON.stringify({
            subject: snapshot.subject,
            code: snapshot.code,
            version: snapshot.version,
            publishedAt: snapshot.publishedAt,
            dataCutoff: snapshot.dataCutoff,
            table,
            columns: [...published.columns],
            rows: published.rows,
            scorecard: scorecardApiPath(snapshot.subject, snapshot.code, snapshot.version),
          } satisfies PublishedTableBody);
    result = {
      body,
      etag: etagOf(body),
      fileName: `${snapshot.subject}-${snapshot.code}-v${snapshot.version}-${table}.${format}`,
    };
  }
  bodies.set(key, result);
  return result;
}

const FILE = /^([a-z][a-z-]*)\.(csv|json)$/;

/** One table of a published scorecard as CSV (UTF-8 with BOM) or JSON; 404 for anything unknown. */
export async function tableDownloadAnswer(
  request: Request,
  subject: ScorecardSubject,
  code: string | undefined,
  file: string | undefined,
): Promise<Response> {
  const match = FILE.exec(file ?? "");
  if (!match) throw notFound();
  const [, table = "", format = "csv"] = match;
  const version = requestedVersion(request);
  const served = await requireSnapshot(subject, code, version);
  const answer = build(served, table, format as Format);
  if (!answer) throw notFound();
  const headers = {
    "Content-Type":
      format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    "Content-Disposition": `attachment; filename="${answer.fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(answer.fileName)}`,
    ETag: answer.etag,
    "Cache-Control": version === undefined ? LATEST : IMMUTABLE,
    "Access-Control-Allow-Origin": "*",
  };
  if (clientHasIt(request, answer.etag)) return new Response(null, { status: 304, headers });
  return new Response(answer.body, { headers });
}
