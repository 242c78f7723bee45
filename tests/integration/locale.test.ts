import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

type Handler = (request: Request) => Promise<Response>;

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
const localeCookieOf = (client: TestClient) =>
  client.lastSetCookies.find((line) => line.startsWith("mj_locale="));

describe("choosing the interface language", () => {
  let handle: DbHandle;
  let handler: Handler;
  let nextIp = 1;
  const browser = () => new TestClient(handler, `192.0.2.${100 + nextIp++}`);

  beforeAll(async () => {
    handle = await createTestDatabase();
    await loadFixture(handle);
    handler = await createAppHandler(handle);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("shows Chinese by default, and English to a browser that asks for English first", async () => {
    const chinese = await browser().get("/");
    const html = await chinese.text();
    expect(htmlLang(html)).toBe("zh-CN");
    expect(html).toContain("本平台数据");
    expect(html).not.toContain("What this instance holds");

    const english = await browser().request("/", {
      headers: { "Accept-Language": "en-GB,en;q=0.9,zh-CN;q=0.8" },
    });
    const englishHtml = await english.text();
    expect(htmlLang(englishHtml)).toBe("en");
    expect(englishHtml).toContain("What this instance holds");
    expect(englishHtml).not.toContain("本平台数据");

    const frenchFirst = await browser().request("/", {
      headers: { "Accept-Language": "fr-FR,en;q=0.9" },
    });
    expect(htmlLang(await frenchFirst.text())).toBe("zh-CN");
  });

  it("switches to English with a cookie kept a year, comes back to the page, and remembers it", async () => {
    const client = browser();
    const response = await client.post("/locale", {
      locale: "en",
      redirectTo: "/login?redirectTo=%2Fdashboard",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard");
    const cookie = localeCookieOf(client);
    expect(cookie).toMatch(/^mj_locale=en;/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const login = await (await client.get("/login")).text();
    expect(htmlLang(login)).toBe("en");
    expect(login).toContain("<title>Sign in · Mingjing</title>");
    expect(login).toContain(">Username</label>");
    expect(login).not.toContain("用户名");
    // The switch now offers Chinese, in Chinese.
    expect(login).toMatch(/<button[^>]*lang="zh-CN"[^>]*>中文<\/button>/);

    // The cookie wins over Accept-Language.
    const back = await client.post("/locale", { locale: "zh", redirectTo: "/" });
    expect(back.headers.get("Location")).toBe("/");
    expect(localeCookieOf(client)).toMatch(/^mj_locale=zh;/);
    const home = await (
      await client.request("/", { headers: { "Accept-Language": "en-US" } })
    ).text();
    expect(htmlLang(home)).toBe("zh-CN");
    expect(home).toContain("本平台数据");
    expect(home).toMatch(/<button[^>]*lang="en"[^>]*>English<\/button>/);
  });

  it("speaks the chosen language in the header, actions' messages and error pages of a signed-in user", async () => {
    const client = browser();
    expect((await client.signIn("leader", FIXTURE_PASSWORD)).status).toBe(302);
    expect((await client.post("/locale", { locale: "en", redirectTo: "/dashboard" })).status).toBe(
      302,
    );
    const dashboard = await (await client.get("/dashboard")).text();
    expect(dashboard).toContain('aria-label="Sections"');
    expect(dashboard).toContain(">Supervision</a>");
    expect(dashboard).toContain(">Sign out</button>");
    expect(dashboard).toContain(">Skip to content</a>");

    const missing = await client.get("/dashboard/departments/NO-SUCH");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page not found");

    const wrong = await client.post("/account/password", {
      currentPassword: "not-my-password",
      newPassword: "a-brand-new-password",
      confirmPassword: "a-brand-new-password",
    });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain("The current password is incorrect");
    expect(wrongHtml).toContain("There is a problem");
  });

  it("sets a Secure cookie over HTTPS", async () => {
    const client = new TestClient(handler, "192.0.2.250", "https://mingjing.test");
    const response = await client.post("/locale", { locale: "en", redirectTo: "/" });
    expect(response.status).toBe(302);
    expect(localeCookieOf(client)).toMatch(/Secure/i);
  });

  it("goes home when no page to return to is given", async () => {
    const client = browser();
    const response = await client.post("/locale", { locale: "en" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(localeCookieOf(client)).toMatch(/^mj_locale=en;/);
  });

  it("goes home instead of to a page off the site, and refuses an unknown language", async () => {
    for (const redirectTo of [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example/",
      "/\t/evil.example/",
      "/\n/evil.example/",
      "/.//evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "dashboard",
    ]) {
      const response = await browser().post("/locale", { locale: "en", redirectTo });
      expect(response.status, redirectTo).toBe(302);
      expect(response.headers.get("Location"), redirectTo).toBe("/");
    }
    const client = browser();
    const french = await client.post("/locale", { locale: "fr", redirectTo: "/" });
    expect(french.status).toBe(400);
    expect(localeCookieOf(client)).toBeUndefined();
  });

  it("refuses a switch without the CSRF token, or from another site", async () => {
    const client = browser();
    const missing = await client.post("/locale", { locale: "en", redirectTo: "/" }, { csrf: null });
    expect(missing.status).toBe(403);
    expect(localeCookieOf(client)).toBeUndefined();
    const crossSite = await client.post(
      "/locale",
      { locale: "en", redirectTo: "/" },
      { origin: "https://evil.example" },
    );
    expect(crossSite.status).toBe(403);
    expect(localeCookieOf(client)).toBeUndefined();
    expect(htmlLang(await (await client.get("/")).text())).toBe("zh-CN");
  });

  it("ignores a cookie naming an unknown language", async () => {
    const client = browser();
    client.cookies.set("mj_locale", "fr");
    const html = await (
      await client.request("/", { headers: { "Accept-Language": "en-US" } })
    ).text();
    expect(htmlLang(html)).toBe("en");
  });
});
