import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { DEMO_PASSWORD, DEMO_USERS } from "../../seeds/demo/framework";
import { seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { BROWSER_AGENT, byteProblem } from "../support/page-bytes";
import { createTestDatabase } from "../setup/test-database";

/** Pages of one shape (the same route, another code or id) visited at most this often. */
const PER_SHAPE = 2;

/** `/dashboard/departments/D03?x` → `/dashboard/departments/*`: one route, one shape. */
function shapeOf(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (/\d|[A-Z]/.test(segment) ? "*" : segment))
    .join("/");
}

/** Same-origin links of a page, without fragments; downloads and sign-out are skipped. */
function linksOf(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/href="(\/[^"#]*)/g)) {
    const href = match[1]!.replaceAll("&amp;", "&");
    if (href.startsWith("/build/") || /\.(css|js|ico|png|svg|csv|xlsx)(\?|$)/.test(href)) continue;
    if (href.startsWith("/logout")) continue;
    links.push(href);
  }
  return links;
}

/**
 * Every page a visitor can reach by following links from the home pages, read as a
 * browser reads it (streamed), over the demo data: big pages full of Chinese, so
 * multi-byte characters fall on the renderer's chunk boundaries.
 */
describe("streamed pages", () => {
  let handle: DbHandle;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoIfEmpty(handle, "Asia/Shanghai");
    handler = await createAppHandler(handle);
  });
  afterAll(async () => {
    await handle.close();
  });

  const visitors = ["anonymous", ...new Set(DEMO_USERS.map((user) => user.username))];
  for (const [index, visitor] of visitors.entries()) {
    it(`are valid UTF-8 without NUL bytes for ${visitor}`, async () => {
      const client = new TestClient(handler, `198.51.100.${index + 20}`);
      if (visitor !== "anonymous")
        expect((await client.signIn(visitor, DEMO_PASSWORD)).status).toBe(302);
      const queue = ["/", "/dashboard", "/imports", "/evaluation", "/admin/users"];
      const seen = new Set<string>();
      const perShape = new Map<string, number>();
      const problems: string[] = [];
      let pages = 0;
      while (queue.length > 0) {
        const url = queue.shift()!;
        const pathname = url.split("?")[0]!;
        const shape = shapeOf(pathname);
        if (seen.has(url) || (perShape.get(shape) ?? 0) >= PER_SHAPE) continue;
        seen.add(url);
        perShape.set(shape, (perShape.get(shape) ?? 0) + 1);
        const response = await client.request(url, { headers: { "User-Agent": BROWSER_AGENT } });
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (!response.headers.get("Content-Type")?.startsWith("text/html")) continue;
        pages += 1;
        const problem = byteProblem(bytes);
        if (problem) problems.push(`${url}: ${problem}`);
        queue.push(...linksOf(new TextDecoder().decode(bytes)));
      }
      expect(pages).toBeGreaterThanOrEqual(visitor === "anonymous" ? 2 : 5);
      expect(problems).toEqual([]);
    });
  }
});
