import { redirect } from "@remix-run/node";
import { getDb } from "../../db/runtime.server";
import {
  createSession,
  findSessionUser,
  revokeSession,
  type SessionUser,
} from "../../db/queries/sessions.server";
import { appCookie } from "./cookies.server";

const COOKIE = "mingjing_session";

export function clientIp(request: Request): string | null {
  // Set by our own server from the socket, or from X-Forwarded-For when the peer is a
  // trusted proxy (acceptForwardedHeaders); a value a client sends is overwritten.
  return request.headers.get("x-mingjing-client-ip");
}

async function sessionIdOf(request: Request): Promise<string | null> {
  const value: unknown = await appCookie(request, COOKIE).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in user, or null for the anonymous public. */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const id = await sessionIdOf(request);
  return id ? findSessionUser(getDb(), id) : null;
}

/**
 * Starts a new session for the user (rotation: any session id the browser held is
 * revoked) and returns the Set-Cookie header.
 */
export async function startSession(request: Request, userId: number): Promise<string> {
  const previous = await sessionIdOf(request);
  if (previous) await revokeSession(getDb(), previous);
  const id = await createSession(getDb(), userId, {
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
  });
  return appCookie(request, COOKIE).serialize(id);
}

/** Revokes the current session and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const id = await sessionIdOf(request);
  if (id) await revokeSession(getDb(), id);
  return appCookie(request, COOKIE).serialize("", { maxAge: 0 });
}

export function redirectToLogin(request: Request): Response {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  return redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}

/**
 * Whether the request carries a signed session cookie (current or not): a cheap test,
 * without the database, for answers that must not be cached for a signed-in browser.
 */
export async function carriesSessionCookie(request: Request): Promise<boolean> {
  return (await sessionIdOf(request)) !== null;
}
