import { createCookie, type Cookie } from "@remix-run/node";
import { isHttps } from "./security-headers.server";

function secret(): string {
  const value = process.env.SESSION_SECRET;
  if (!value) throw new Error("SESSION_SECRET is not set: the server sets it at start.");
  return value;
}

const cache = new Map<string, Cookie>();

/**
 * A signed, httpOnly, SameSite=Lax cookie. Over HTTPS it is Secure and carries the
 * __Host- prefix (no Domain, Path=/), so no subdomain can plant one.
 */
export function appCookie(request: Request, baseName: string): Cookie {
  const https = isHttps(request);
  const name = https ? `__Host-${baseName}` : baseName;
  const key = `${name}|${secret()}`;
  let cookie = cache.get(key);
  if (!cookie) {
    cookie = createCookie(name, {
      httpOnly: true,
      sameSite: "lax",
      secure: https,
      path: "/",
      secrets: [secret()],
    });
    cache.set(key, cookie);
  }
  return cookie;
}
