/**
 * Where to send the browser after a form or link that names its own next page
 * (`redirectTo`): a path on this site, or the fallback. Everything a user can supply
 * goes through here, so no crafted link can make the site an open redirect.
 */

/** Any origin will do: only whether resolving the target changes it matters. */
const PROBE_ORIGIN = "http://redirect-probe.invalid";
const MAX_LENGTH = 2048;

/**
 * C0 and C1 controls, space, DEL and backslash. Browsers drop tabs and newlines from
 * URLs and read "\" as "/", so "/\t/evil" and "/\\evil" both mean "//evil"; a newline
 * in a Location header is also refused by the Headers API (a 500 instead of a redirect).
 */
const UNSAFE_CHARACTER = /[^\u0021-\u007e\u00a0-\uffff]|\\/;

/**
 * The target as a normalised same-origin path ("/a/b?c#d", percent-encoded), or the
 * fallback when it is anything else: not a string, not starting with a single "/",
 * carrying a control character or backslash, or resolving to another origin or to a
 * path that starts with "//" (as "/.//evil" does once its dot segment is resolved).
 */
export function safeRedirect<Fallback extends string | null>(
  target: unknown,
  fallback: Fallback,
): string | Fallback {
  if (typeof target !== "string" || target.length > MAX_LENGTH) return fallback;
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  if (UNSAFE_CHARACTER.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || UNSAFE_CHARACTER.test(path))
    return fallback;
  return path;
}
