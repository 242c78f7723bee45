import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { SERVER_BUILD } from "../../app/server/ensure-build.server";
import { createAppRequestHandler } from "../../app/server/request-handler.server";
import type { DbHandle } from "../../db/client.server";
import { setDatabase, setPhase } from "../../db/runtime.server";

export const TEST_ORIGIN = "http://mingjing.test";

/**
 * The real Remix request handler over the built app, on a test database: what a browser
 * gets, without a socket. Builds the app first when the build is stale.
 */
export async function createAppHandler(
  handle: DbHandle,
): Promise<(request: Request) => Promise<Response>> {
  process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret";
  setDatabase(handle);
  setPhase("ready");
  const build = (await import(pathToFileURL(path.resolve(SERVER_BUILD)).href)) as ServerBuild;
  return createAppRequestHandler(build);
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
      // Set by the server from the connection (or a trusted proxy), never by a browser.
      "x-mingjing-client-ip": this.ip,
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
