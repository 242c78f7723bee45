/**
 * Whether the browser reached us over HTTPS. The server builds the URL's scheme from the
 * connection, or from X-Forwarded-Proto only when a trusted proxy sent it.
 */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

/**
 * Content-Security-Policy: scripts only from this origin or carrying the request's
 * nonce (no inline scripts otherwise); inline style attributes are allowed, since
 * server-rendered SVG charts position marks with them.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries, documents and data alike. */
export function applySecurityHeaders(
  headers: Headers,
  options: { https: boolean; nonce?: string },
): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (options.nonce) headers.set("Content-Security-Policy", contentSecurityPolicy(options.nonce));
  if (options.https)
    headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
