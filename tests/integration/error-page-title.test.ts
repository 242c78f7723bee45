import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

type Handler = (request: Request) => Promise<Response>;

const titlesOf = (html: string) => [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
const ENGLISH = { headers: { "Accept-Language": "en-GB,en;q=0.9" } };

/**
 * Error pages are pages: each has a title saying what happened (WCAG 2.4.2; axe's
 * document-title rule), in the visitor's language — the root's error boundary replaces the
 * page, and with it the title the page's own meta would have given.
 */
describe("the title of an error page", () => {
  let handle: DbHandle;
  let handler: Handler;
  let fixture: Fixture;

  beforeAll(async () => {
    handle = await createTestDatabase();
    fixture = await loadFixture(handle);
    handler = await createAppHandler(handle);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("names a 404 for an unknown address, in Chinese by default and in English when asked", async () => {
    const chinese = await new TestClient(handler, "192.0.2.201").get("/no-such-page");
    expect(chinese.status).toBe(404);
    expect(titlesOf(await chinese.text())).toEqual(["404 · 页面不存在 · 明镜"]);

    const english = await new TestClient(handler, "192.0.2.202").request("/no-such-page", ENGLISH);
    expect(english.status).toBe(404);
    expect(titlesOf(await english.text())).toEqual(["404 · Page not found · Mingjing"]);
  });

  it("names the 404 of an object outside a steward's scope and the 403 of a role's page", async () => {
    const steward = new TestClient(handler, "192.0.2.203");
    expect((await steward.signIn("steward", FIXTURE_PASSWORD)).status).toBe(302);

    // A page whose meta names the department when it loads: here it throws instead.
    const outOfScope = await steward.request(
      `/dashboard/departments/${fixture.departments.b.code}`,
      ENGLISH,
    );
    expect(outOfScope.status).toBe(404);
    expect(titlesOf(await outOfScope.text())).toEqual(["404 · Page not found · Mingjing"]);

    const adminOnly = await steward.request("/admin/users", ENGLISH);
    expect(adminOnly.status).toBe(403);
    expect(titlesOf(await adminOnly.text())).toEqual([
      "403 · You do not have access to this page · Mingjing",
    ]);
  });

  it("leaves a page that loads with its own title only", async () => {
    const page = await new TestClient(handler, "192.0.2.204").request("/login", ENGLISH);
    expect(page.status).toBe(200);
    const titles = titlesOf(await page.text());
    expect(titles).toHaveLength(1);
    expect(titles[0]).not.toMatch(/^\d{3} · /);
    expect(titles[0]).toMatch(/ · Mingjing$/);
  });
});
