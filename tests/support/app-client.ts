import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type express from "express";
import { SERVER_BUILD } from "../../app/server/build.mjs";
import type { DbHandle } from "../../db/client.server";
import { setDatabase, setPhase } from "../../db/runtime.server";

export const TEST_ORIGIN = "http://mingjing.test";

/** Where a TestClient says its address is; the proxy below turns it into X-Forwarded-For. */
const PEER_ADDRESS = "x-test-peer-address";

/**
 * The server as `npm start` runs it (the compiled build's express app: forwarded headers,
 * security headers, static files, the cross-site check, the app), on a loopback port, on
 * a test database, behind a reverse proxy as deployments put it: what a browser gets.
 * Builds nothing: the tests' global setup has built the app.
 */
export async function createAppHandler(
  handle: DbHandle,
): Promise<(request: Request) => Promise<Response>> {
  process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret";
  setDatabase(handle);
  setPhase("ready");
  const server = (await import(pathToFileURL(SERVER_BUILD).href)) as {
    createApp(options: { trustedProxies: readonly string[] }): express.Express;
  };
  const listener = server.createApp({ trustedProxies: ["loopback"] }).listen(0, "127.0.0.1");
  await once(listener, "listening");
  // The test file's process ends when its tests do, whatever is still listening.
  listener.unref();
  const { port } = listener.address() as AddressInfo;
  return (request) => throughProxy(request, port);
}

/**
 * What a reverse proxy in front of the app does: passes the request on with Host as the
 * browser sent it, and the browser's address and scheme in X-Forwarded-For and
 * X-Forwarded-Proto, its own, whatever the client put in those headers.
 */
async function throughProxy(request: Request, port: number): Promise<Response> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== PEER_ADDRESS && name !== "forwarded" && !name.startsWith("x-forwarded-"))
      headers[name] = value;
  });
  const url = new URL(request.url);
  headers["x-forwarded-for"] = request.headers.get(PEER_ADDRESS) ?? "203.0.113.1";
  headers["x-forwarded-proto"] = url.protocol.replace(":", "");
  headers.host ??= url.host;
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  // A Content-Length the client gave is passed on as it is, true or not (tests of the limit).
  if (body) headers["content-length"] ??= String(body.length);
  delete headers["transfer-encoding"];
  const answer = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const sent = http.request(
      // A connection per request, as the server may close one it answered early (a 413).
      {
        host: "127.0.0.1",
        port,
        method: request.method,
        path: url.pathname + url.search,
        headers,
        agent: false,
      },
      resolve,
    );
    // The server may answer (413) and close before the whole body is sent: the answer counts.
    sent.once("error", (error) => setTimeout(() => reject(error), 100));
    sent.end(body);
  });
  const chunks: Buffer[] = [];
  for await (const chunk of answer) chunks.push(chunk as Buffer);
  const responseHeaders = new Headers();
  for (let i = 0; i < answer.rawHeaders.length; i += 2)
    responseHeaders.append(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
  const status = answer.statusCode ?? 500;
  const empty = status === 204 || status === 304 || request.method === "HEAD";
  return new Response(empty ? null : Buffer.concat(chunks), {
    status,
    statusText: answer.statusMessage,
    headers: responseHeaders,
  });
}

/**
 * A browser in miniature: keeps cookies, sends same-origin headers, reads the CSRF token.
 * Its requests carry the site's origin in their URL and Host header, as the server passes
 * them on (scheme and host from a trusted proxy, else from the connection), so no
 * forwarded header is needed; pass "https://mingjing.test" as the origin for HTTPS.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];

  constructor(
    private readonly handler: (request: Request) => Promise<Response>,
    readonly ip = "203.0.113.7",
    readonly origin = TEST_ORIGIN,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response): void {
    this.lastSetCookies = response.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (!name) continue;
      const expired = attributes.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()),
      );
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), rest.join("="));
    }
  }

  async request(
    pathname: string,
    init: Omit<RequestInit, "headers"> & { headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Cookie: this.cookieHeader(),
      // What a browser's Host header says (Remix compares it with Origin before an action).
      Host: new URL(this.origin).host,
      // The address the proxy in front of the app reports (createAppHandler).
      [PEER_ADDRESS]: this.ip,
      ...(init.headers ?? {}),
    };
    const response = await this.handler(
      new Request(`${this.origin}${pathname}`, { ...init, headers, redirect: "manual" }),
    );
    this.remember(response);
    return response;
  }

  get(pathname: string): Promise<Response> {
    return this.request(pathname);
  }

  /**
   * The CSRF token the page's forms carry (and its cookie, as a side effect): from the
   * sign-in form, or for a signed-in browser (redirected from it) the password form.
   */
  async csrfToken(): Promise<string> {
    for (const pathname of ["/login", "/account/password"]) {
      const response = await this.get(pathname);
      if (response.status !== 200) continue;
      const match = /name="csrf" value="([^"]+)"/.exec(await response.text());
      if (match?.[1]) return match[1];
    }
    throw new Error("no page with a CSRF token answered");
  }

  async post(
    pathname: string,
    fields: Record<string, string>,
    options: { csrf?: string | null; origin?: string | null } = {},
  ): Promise<Response> {
    const body = new URLSearchParams(fields);
    const csrf = options.csrf === undefined ? await this.csrfToken() : options.csrf;
    if (csrf !== null) body.set("csrf", csrf);
    const origin = options.origin === undefined ? this.origin : options.origin;
    return this.request(pathname, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        ...(origin ? { Origin: origin } : {}),
      },
    });
  }

  async signIn(username: string, password: string): Promise<Response> {
    return this.post("/login", { username, password });
  }
}
