/**
 * Answers of the open data API: JSON with an ETag, 304 when the client holds it already,
 * and caching that matches what the address promises (a version never changes, "latest"
 * does when a correction is published).
 */
import { z } from "zod";
import {
  etagOf,
  listVersions,
  publicationsSince,
} from "../../db/queries/scorecard-snapshots.server";
import { getDb } from "../../db/runtime.server";
import { getSettings } from "../../db/settings.server";
import { scorecardApiPath } from "../../db/scorecards/addresses";
import type {
  publicationFeedSchema,
  ScorecardSubject,
  versionListSchema,
} from "../../db/scorecards/payload";
import { isIsoDate } from "../../metrics/iso-date";
import { notFound } from "~/utils/permissions.server";
import { requestedVersion, requireSnapshot } from "./public-scorecard.server";

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const LATEST = "public, max-age=60";

/** True when If-None-Match names this ETag (or is "*"); weak validators compare as strong ones. */
export function clientHasIt(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

export function jsonAnswer(
  request: Request,
  body: string,
  etag: string,
  cacheControl: string,
): Response {
  const headers = {
    "Content-Type": "application/json; charset=utf-8",
    ETag: etag,
    "Cache-Control": cacheControl,
    "Access-Control-Allow-Origin": "*",
  };
  if (clientHasIt(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}

/** A scorecard's latest version, or `?version=N`: the snapshot's stored JSON as served from memory. */
export async function scorecardAnswer(
  request: Request,
  subject: ScorecardSubject,
  code: string | undefined,
): Promise<Response> {
  const version = requestedVersion(request);
  const served = await requireSnapshot(subject, code, version);
  return jsonAnswer(request, served.body, served.etag, version === undefined ? LATEST : IMMUTABLE);
}

/** Every published version of a scorecard, with its stable address; 404 when none is published. */
export async function versionsAnswer(
  request: Request,
  subject: ScorecardSubject,
  code: string | undefined,
): Promise<Response> {
  const versions = code ? await listVersions(getDb(), subject, code) : [];
  if (!code || versions.length === 0) throw notFound();
  const body = JSON.stringify({
    subject,
    code,
    versions: versions.map((entry) => ({
      ...entry,
      url: scorecardApiPath(subject, code, entry.version),
    })),
  } satisfies z.infer<typeof versionListSchema>);
  return jsonAnswer(request, body, etagOf(body), LATEST);
}

const sinceParam = z.string().refine(isIsoDate);

/** Publications since a local date (the change feed); 400 without a valid `since`. */
export async function publicationsAnswer(request: Request): Promise<Response> {
  const raw = new URL(request.url).searchParams.get("since") ?? "";
  const since = sinceParam.safeParse(raw);
  if (!since.success) {
    return new Response(
      `Bad Request: since must be a date as YYYY-MM-DD (e.g. since=2026-01-01), not "${raw}".`,
      { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } },
    );
  }
  const rows = await publicationsSince(getDb(), since.data, getSettings().timeZone);
  const body = JSON.stringify({
    since: since.data,
    publications: rows.map((row) => ({
      ...row,
      url: scorecardApiPath(row.subject, row.code, row.version),
    })),
  } satisfies z.infer<typeof publicationFeedSchema>);
  return jsonAnswer(request, body, etagOf(body), LATEST);
}
