import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
import { allowedMethods, methodNotAllowed } from "./allowed-methods.server";
import { PublicPageCache } from "./public-page-cache.server";
import { withAppHeaders } from "./response-headers.server";

/**
 * Remix's request handler behind the route's methods: a method the route does not take
 * gets a 405 — Remix would hand PUT or DELETE to the route's action as if it were a POST.
 * Anonymous visitors' public pages come from the rendered-page cache (public-page-cache.server.ts).
 * Every answer leaves with the app's headers, set once. (The express app in front checks
 * the request's origin first: express-app.server.ts.)
 */
export function createAppRequestHandler(
  build: ServerBuild,
): (request: Request) => Promise<Response> {
  const handle = createRequestHandler(build, "production");
  const methodsFor = allowedMethods(build);
  const pages = new PublicPageCache(handle);
  const answer = async (request: Request): Promise<Response> => {
    // Every route takes GET and HEAD, and an unknown address is Remix's 404 either way:
    // matching the routes here (react-router flattens and ranks them all on each call)
    // would only repeat what Remix does next, on the requests that are nearly all of them.
    if (request.method === "GET" || request.method === "HEAD") return pages.serve(request);
    const allowed = methodsFor(new URL(request.url));
    if (allowed && request.method === "OPTIONS")
      return new Response(null, { status: 204, headers: { Allow: allowed.join(", ") } });
    if (allowed && !allowed.includes(request.method))
      return methodNotAllowed(request.method, allowed);
    return handle(request);
  };
  return async (request) => withAppHeaders(request, await answer(request));
}
