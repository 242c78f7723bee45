import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
import { crossSiteReason, forbidden } from "../utils/csrf.server";

/**
 * Remix's request handler behind our cross-site check: a foreign Origin gets a clear 403
 * here instead of Remix's own refusal (a 500 with no explanation).
 */
export function createAppRequestHandler(
  build: ServerBuild,
): (request: Request) => Promise<Response> {
  const handle = createRequestHandler(build, "production");
  return async (request) => {
    const crossSite = crossSiteReason(request.method, request.url, request.headers);
    if (crossSite) return forbidden(crossSite);
    return handle(request);
  };
}
