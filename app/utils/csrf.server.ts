import crypto from "node:crypto";
import { appCookie } from "./cookies.server";
import { readFormBody } from "./form-body.server";

const COOKIE = "mingjing_csrf";
/** The token cookie's names: plain over HTTP, __Host- prefixed over HTTPS (appCookie). */
export const CSRF_COOKIE_NAMES: readonly string[] = [COOKIE, `__Host-${COOKIE}`];
export const CSRF_FIELD = "csrf";

/**
 * The CSRF token of this browser: a random value kept in a signed, httpOnly cookie and
 * echoed in every form. A cross-site page can neither read the cookie nor forge one.
 * Returns the Set-Cookie header when the browser had no token yet.
 */
export async function csrfToken(request: Request): Promise<{ token: string; setCookie?: string }> {
  const cookie = appCookie(request, COOKIE);
  const existing: unknown = await cookie.parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length >= 32) return { token: existing };
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, setCookie: await cookie.serialize(token) };
}

export function forbidden(reason: string): Response {
  return new Response(`Forbidden: ${reason}. Reload the page and try again.`, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The request's own origin, as the browser sees it. Forwarded headers are not read
 * here: the server (acceptForwardedHeaders) has already put a trusted proxy's scheme
 * into the URL and its host into Host, and dropped them from anyone else. Host is
 * preferred to the URL's host, which loses the port of an IPv6 address on the way.
 */
function ownOrigin(url: string, headers: HeaderReader): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${headers.get("host") ?? parsed.host}`;
}

/**
 * Why a state-changing request must be refused as cross-site, or null: its Origin header
 * (or, without one, Sec-Fetch-Site) must name this site. The server applies this before
 * Remix sees the request, and every action again through readForm.
 */
export function crossSiteReason(method: string, url: string, headers: HeaderReader): string | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const origin = headers.get("Origin");
  if (origin !== null && origin !== ownOrigin(url, headers))
    return "the request came from another site";
  if (origin === null && headers.get("Sec-Fetch-Site") === "cross-site")
    return "the request came from another site";
  return null;
}

/** Refuses (403) a cross-site request, or one whose form token differs from the cookie's. */
export async function assertCsrf(request: Request, form: FormData): Promise<void> {
  const crossSite = crossSiteReason(request.method, request.url, request.headers);
  if (crossSite) throw forbidden(crossSite);
  const expected: unknown = await appCookie(request, COOKIE).parse(request.headers.get("Cookie"));
  const given = form.get(CSRF_FIELD);
  if (typeof expected !== "string" || typeof given !== "string")
    throw forbidden("the form's security token is missing");
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b))
    throw forbidden("the form's security token does not match");
}

/** Reads a posted form and checks it for CSRF; every action starts here. */
export async function readForm(request: Request): Promise<FormData> {
  const form = await readFormBody(request);
  await assertCsrf(request, form);
  return form;
}
