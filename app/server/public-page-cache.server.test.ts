/**
 * The rendered-page cache against a stand-in app: its memory stays under its bound,
 * evicting the least recently used page, and concurrent first requests render once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { setDatabase } from "../../db/runtime.server";
import { csrfToken } from "../utils/csrf.server";
import { applySecurityHeaders } from "../utils/security-headers.server";
import { PublicPageCache, type CacheablePage } from "./public-page-cache.server";

process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret";

const PAGE_BYTES = 10_000;
const pages: CacheablePage[] = [
  { path: /^\/p\/(\d+)$/, params: [], contentTag: () => Promise.resolve("published") },
];

/** The app: a page of PAGE_BYTES with the request's nonce and CSRF token, as the root renders them. */
function standInApp() {
  const rendered: string[] = [];
  let nonces = 0;
  const handle = async (request: Request): Promise<Response> => {
    rendered.push(new URL(request.url).pathname);
    // A render takes a while: requests arriving meanwhile find it under way.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const nonce = `nonce${nonces++}`;
    const { token } = await csrfToken(request);
    const headers = new Headers({ "Content-Type": "text/html; charset=utf-8" });
    applySecurityHeaders(headers, { https: false, nonce });
    const html = `<form><input name="csrf" value="${token}"></form><script nonce="${nonce}"></script>`;
    return new Response(html.padEnd(PAGE_BYTES, " "), { headers });
  };
  return { handle, rendered };
}

const get = (path: string) => new Request(`http://mingjing.test${path}`);

beforeAll(() => {
  // Pages are kept per database; any object stands for one here.
  setDatabase({ db: {} } as unknown as DbHandle);
});

describe("PublicPageCache", () => {
  it("stays within its byte bound, evicting the least recently used page", async () => {
    const app = standInApp();
    const maxBytes = 3.5 * (PAGE_BYTES + 1024);
    const cache = new PublicPageCache(app.handle, { pages, maxBytes });
    await cache.serve(get("/p/0"));
    for (let i = 1; i <= 10; i++) {
      await cache.serve(get(`/p/${i}`));
      await cache.serve(get("/p/0")); // kept in use: never the one evicted
      expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(cache.size).toBe(3);
    expect(app.rendered.filter((path) => path === "/p/0")).toHaveLength(1);
    // /p/10 and /p/9 are kept; /p/1 was evicted and renders again.
    const before = app.rendered.length;
    await cache.serve(get("/p/10"));
    await cache.serve(get("/p/9"));
    expect(app.rendered).toHaveLength(before);
    await cache.serve(get("/p/1"));
    expect(app.rendered).toHaveLength(before + 1);
  });

  it("renders a page once for concurrent first requests, each with its own nonce and token", async () => {
    const app = standInApp();
    const cache = new PublicPageCache(app.handle, { pages });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => cache.serve(get("/p/7"))));
    expect(app.rendered).toEqual(["/p/7"]);
    const bodies = await Promise.all(answers.map((answer) => answer.text()));
    const nonces = answers.map(
      (answer) => /'nonce-([^']+)'/.exec(answer.headers.get("Content-Security-Policy")!)![1]!,
    );
    const tokens = bodies.map((body) => /name="csrf" value="([^"]+)"/.exec(body)![1]!);
    expect(new Set(nonces).size).toBe(5);
    expect(new Set(tokens).size).toBe(5);
    bodies.forEach((body, i) => {
      expect(body).toContain(`<script nonce="${nonces[i]}">`);
      expect(body.replace(nonces[i]!, "N").replace(tokens[i]!, "T")).toBe(
        bodies[0]!.replace(nonces[0]!, "N").replace(tokens[0]!, "T"),
      );
    });
  });

  it("does not keep what is not a 200 page", async () => {
    let calls = 0;
    const cache = new PublicPageCache(
      async () => {
        calls += 1;
        return new Response("missing", { status: 404, headers: { "Content-Type": "text/html" } });
      },
      { pages },
    );
    for (let i = 0; i < 3; i++) expect((await cache.serve(get("/p/1"))).status).toBe(404);
    expect(calls).toBe(3);
    expect(cache.size).toBe(0);
  });
});
