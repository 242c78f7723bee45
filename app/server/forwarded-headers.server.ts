import type { Express, Request, RequestHandler } from "express";

/**
 * Headers in which a reverse proxy reports what the browser sent: its address, the
 * scheme and the host. Any client can send them too, so they count only from a peer
 * named in MINGJING_TRUSTED_PROXIES.
 */
const FORWARDED_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
] as const;

/** The header carrying the client's address to the app; set here, never by a client. */
export const CLIENT_IP_HEADER = "x-mingjing-client-ip";

type TrustFunction = (address: string | undefined, hop: number) => boolean;

/**
 * Tells express which peers are proxies: req.ip, req.protocol and req.hostname then
 * read X-Forwarded-For/-Proto/-Host only from them (none by default).
 */
export function trustProxies(app: Express, proxies: readonly string[]): void {
  app.set("trust proxy", proxies.length > 0 ? [...proxies] : false);
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(",")[0]?.trim() || undefined;
}

/**
 * The first middleware: decides what the rest of the server and the app believe.
 * From an untrusted peer the forwarded headers are dropped, so neither Remix (which
 * compares Origin with X-Forwarded-Host) nor our checks can be misled by them; from a
 * trusted proxy its forwarded host becomes the Host header, the host the browser used.
 * The client's address goes to the app in CLIENT_IP_HEADER, overwriting any sent.
 */
export const acceptForwardedHeaders: RequestHandler = (req, _res, next) => {
  const trust = req.app.get("trust proxy fn") as TrustFunction;
  if (trust(req.socket.remoteAddress, 0)) {
    const host = firstValue(req.headers["x-forwarded-host"]);
    if (host) req.headers.host = host;
  } else {
    for (const name of FORWARDED_HEADERS) delete req.headers[name];
  }
  req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? "";
  next();
};

/** The URL as the browser asked for it (after acceptForwardedHeaders). */
export function requestUrl(req: Request): string {
  return `${req.protocol}://${req.get("host") ?? ""}${req.originalUrl}`;
}
