import { applySecurityHeaders, isHttps } from "../utils/security-headers.server";
import { carriesSessionCookie } from "../utils/session.server";

/** The response itself when its headers may change, else a copy that may. */
function withMutableHeaders(response: Response): Response {
  try {
    response.headers.set("X-Content-Type-Options", "nosniff");
    return response;
  } catch {
    // Response.redirect() and fetch() responses have immutable headers.
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
  }
}

/**
 * The headers every answer of the app carries, set here once for documents, data
 * requests and resource routes alike (set, never appended, so each appears once):
 * the security headers, and for a signed-in browser `Cache-Control: no-store`, so
 * no cache keeps a page or data meant for one person. Anonymous answers keep the
 * caching their route chose.
 */
export async function withAppHeaders(request: Request, response: Response): Promise<Response> {
  const answer = withMutableHeaders(response);
  applySecurityHeaders(answer.headers, { https: isHttps(request) });
  if (await carriesSessionCookie(request)) answer.headers.set("Cache-Control", "no-store");
  return answer;
}
