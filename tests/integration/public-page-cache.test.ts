/**
 * The rendered-page cache of public scorecards, through the real server: a cached page is
 * the page the app renders, but for its own nonce and CSRF token; forms on it work; it is
 * never served to a signed-in browser; a publication shows at once; what is not a 200 is
 * not kept. Hits are told from renders by the cache's counters.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { publishScorecard } from "../../db/queries/scorecard-snapshots.server";
import * as schema from "../../db/schema/index";
import { publicPageCacheCounters } from "../../app/server/public-page-cache.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

const TZ = "Asia/Shanghai";
const PAGE = "/scorecards/departments/DEPT-A";
const PROJECT_PAGE = "/scorecards/projects/PRJ-A";

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;

const anonymous = (ip?: string) => new TestClient(handler, ip);

async function publish(subject: "project" | "department", code: string, cutoff: string) {
  const outcome = await publishScorecard(
    handle.db,
    {
      subject,
      code,
      cutoff,
      reason: cutoff === "2026-10-31" ? null : "Late imports",
      timeZone: TZ,
    },
    { id: fixture.users.leader, name: "leader", ip: null },
  );
  expect(outcome.ok).toBe(true);
}

/** The answer's body and what is per response in it: its CSP nonce and CSRF token. */
async function read(response: Response) {
  expect(response.status).toBe(200);
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1];
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!nonce || !token) throw new Error("no nonce in the CSP header or no CSRF token in the page");
  return { html, nonce, token, normalised: html.replaceAll(nonce, "N").replaceAll(token, "T") };
}

const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? "";
/** The line under the title: "Version n · data up to … · published …". */
const stampOf = (html: string) => /<p><strong>([\s\S]*?)<\/p>/.exec(mainOf(html))?.[1] ?? "";

function counted<T>(work: () => Promise<T>): Promise<{ value: T; hits: number; misses: number }> {
  const before = { ...publicPageCacheCounters() };
  return work().then((value) => ({
    value,
    hits: publicPageCacheCounters().hits - before.hits,
    misses: publicPageCacheCounters().misses - before.misses,
  }));
}

/** Headers of an answer that must be the same on a hit and a render, by name. */
function stableHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (
      ![
        "date",
        "set-cookie",
        "content-security-policy",
        "keep-alive",
        "transfer-encoding",
      ].includes(name)
    )
      headers[name] = value;
  });
  return headers;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  handler = await createAppHandler(handle);
  await publish("department", "DEPT-A", "2026-10-31");
  await publish("project", "PRJ-A", "2026-10-31");
});

afterAll(async () => {
  await handle.close();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("a cached page", () => {
  it("is the rendered page but for a fresh nonce, matching its CSP header, per response", async () => {
    const first = await counted(() => anonymous().get(PROJECT_PAGE));
    expect(first.misses).toBe(1);
    const rendered = await read(first.value);
    const hits = await counted(() =>
      Promise.all([1, 2, 3].map(() => anonymous().get(PROJECT_PAGE))),
    );
    expect(hits.hits).toBe(3);
    const nonces = new Set([rendered.nonce]);
    for (const response of hits.value) {
      expect(stableHeaders(response)).toEqual(stableHeaders(first.value));
      const hit = await read(response);
      expect(hit.normalised).toBe(rendered.normalised);
      // Every script's nonce is this response's, the one its Content-Security-Policy names.
      const inBody = [...hit.html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
      expect(inBody.length).toBeGreaterThan(0);
      expect(new Set(inBody)).toEqual(new Set([hit.nonce]));
      nonces.add(hit.nonce);
    }
    expect(nonces.size).toBe(4);
    expect(first.value.headers.get("Vary")).toBe("Cookie, Accept-Language");
  });

  it("answers HEAD from the cache with a GET's headers and no body", async () => {
    const get = await anonymous().get(PROJECT_PAGE);
    const head = await counted(() => anonymous().request(PROJECT_PAGE, { method: "HEAD" }));
    expect(head.hits).toBe(1);
    expect(head.value.status).toBe(200);
    expect(await head.value.text()).toBe("");
    expect(stableHeaders(head.value)).toEqual(stableHeaders(get));
  });

  it("keeps each locale apart, as the root loader resolves it", async () => {
    const zh = await read(await anonymous().get(PAGE));
    const en = await anonymous().request(PAGE, {
      headers: { "Accept-Language": "en-GB,en;q=0.9" },
    });
    const english = await read(en);
    expect(zh.html).toContain('<html lang="zh-CN"');
    expect(english.html).toContain('<html lang="en"');
    const chosen = anonymous();
    chosen.cookies.set("mj_locale", "en");
    const again = await counted(() => chosen.get(PAGE));
    expect(again.hits).toBe(1);
    expect((await read(again.value)).normalised).toBe(english.normalised);
  });

  it("is not served for any other query, nor kept", async () => {
    await anonymous().get(PAGE);
    const other = await counted(() => anonymous().get(`${PAGE}?utm_source=x`));
    expect(other.hits + other.misses).toBe(0);
    expect(other.value.status).toBe(200);
    const twice = await counted(() => anonymous().get(`${PAGE}?version=1&version=1`));
    expect(twice.hits + twice.misses).toBe(0);
  });
});

describe("the CSRF token of a cached page", () => {
  it("is each visitor's own, and a new visitor gets its cookie", async () => {
    await anonymous().get(PAGE);
    const alice = anonymous("198.51.100.31");
    const bob = anonymous("198.51.100.32");
    const served = await counted(async () => [await alice.get(PAGE), await bob.get(PAGE)]);
    expect(served.hits).toBe(2);
    const [a, b] = await Promise.all(served.value.map(read));
    expect(a!.token).not.toBe(b!.token);
    expect(alice.cookies.get("mingjing_csrf")).toBeTruthy();
    // A visitor that holds a token keeps it, with no new cookie.
    const again = await alice.get(PAGE);
    expect(again.headers.getSetCookie()).toEqual([]);
    expect((await read(again)).token).toBe(a!.token);
  });

  it("passes the CSRF check of the language switch, for a new visitor and a returning one", async () => {
    await anonymous().get(PAGE);
    for (const visit of [1, 2]) {
      const visitor = anonymous(`198.51.100.4${visit}`);
      if (visit === 2) await visitor.get(PROJECT_PAGE); // holds a token already
      const page = await counted(() => visitor.get(PAGE));
      expect(page.hits).toBe(1);
      const { token } = await read(page.value);
      const post = await visitor.post(
        "/locale",
        { locale: "en", redirectTo: PAGE },
        { csrf: token },
      );
      expect(post.status, `visit ${visit}`).toBe(302);
      expect(post.headers.get("location")).toBe(PAGE);
      expect(visitor.cookies.get("mj_locale")).toBe("en");
    }
  });

  it("replaces a cookie whose signature is wrong, and the new token works", async () => {
    await anonymous().get(PAGE);
    const visitor = anonymous("198.51.100.51");
    visitor.cookies.set("mingjing_csrf", "forged-token-forged-token-forged-token-forged");
    const page = await visitor.get(PAGE);
    const { token } = await read(page);
    expect(token).not.toContain("forged");
    const post = await visitor.post("/locale", { locale: "en", redirectTo: PAGE }, { csrf: token });
    expect(post.status).toBe(302);
  });
});

describe("who is served from the cache", () => {
  it("never serves a signed-in user the cached page: their name is on theirs", async () => {
    await anonymous().get(PAGE);
    const leader = new TestClient(handler, "198.51.100.61");
    expect((await leader.signIn("leader", FIXTURE_PASSWORD)).status).toBe(302);
    const page = await counted(() => leader.get(PAGE));
    expect(page.hits + page.misses).toBe(0);
    const html = await page.value.text();
    expect(html).toContain("Test leader");
    expect(page.value.headers.get("Cache-Control")).toBe("no-store");
    // …nor is their page kept for the next visitor.
    expect(await (await anonymous().get(PAGE)).text()).not.toContain("Test leader");
  });

  it("renders afresh for a browser sending any cookie but the locale and CSRF ones", async () => {
    await anonymous().get(PAGE);
    for (const cookie of ["mingjing_session", "flash"]) {
      const visitor = anonymous();
      visitor.cookies.set(cookie, "something-a-page-might-show");
      const page = await counted(() => visitor.get(PAGE));
      expect(page.hits + page.misses, cookie).toBe(0);
      expect(page.value.status).toBe(200);
    }
  });
});

describe("publications", () => {
  it("shows a correction on the latest page at once; version 1 keeps its figures", async () => {
    const visitor = anonymous();
    const latestBefore = await read(await visitor.get(PAGE));
    const v1Before = await read(await visitor.get(`${PAGE}?version=1`));
    expect((await counted(() => visitor.get(PAGE))).hits).toBe(1);
    expect(stampOf(latestBefore.html)).toContain("第 1 版");

    await publish("department", "DEPT-A", "2026-11-30");

    const latest = await read(await visitor.get(PAGE));
    expect(stampOf(latest.html)).toContain("第 2 版");
    expect(stampOf(latest.html)).not.toBe(stampOf(latestBefore.html));
    const v1 = await read(await visitor.get(`${PAGE}?version=1`));
    expect(stampOf(v1.html)).toBe(stampOf(v1Before.html));
    // …and its change log names the correction, as a fresh render (a leader's) does.
    expect(v1.html).toContain(`${PAGE}?version=2`);
    const leader = new TestClient(handler, "198.51.100.62");
    await leader.signIn("leader", FIXTURE_PASSWORD);
    for (const address of [PAGE, `${PAGE}?version=1`]) {
      const fresh = mainOf(await (await leader.get(address)).text());
      const cached = await counted(() => anonymous().get(address));
      expect(cached.hits, address).toBe(1);
      expect(mainOf((await read(cached.value)).html), address).toBe(fresh);
    }
  });

  it("sees another process's publication within 60 seconds (the API's latest max-age)", async () => {
    const visitor = anonymous();
    const before = await (await visitor.get("/api/v1/scorecards/projects/PRJ-A")).json();
    await read(await visitor.get(PROJECT_PAGE));
    // Another process publishes: the row appears without this process's publishScorecard.
    const [row] = await handle.db
      .select()
      .from(schema.scorecardSnapshots)
      .where(eq(schema.scorecardSnapshots.subjectCode, "PRJ-A"));
    const { id: _id, ...copy } = row!;
    await handle.db.insert(schema.scorecardSnapshots).values({
      ...copy,
      version: (before as { version: number }).version + 1,
      correctionReason: "Published elsewhere",
      publishedAt: new Date(),
    });
    const stale = await (await visitor.get("/api/v1/scorecards/projects/PRJ-A")).json();
    expect((stale as { version: number }).version).toBe((before as { version: number }).version);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    const fresh = await (await visitor.get("/api/v1/scorecards/projects/PRJ-A")).json();
    expect((fresh as { version: number }).version).toBe(
      (before as { version: number }).version + 1,
    );
    const page = await read(await visitor.get(PROJECT_PAGE));
    expect(page.html).toContain("Published elsewhere");
  });
});

describe("what is not kept", () => {
  it("does not keep a 404, and a first publication shows at once", async () => {
    for (const attempt of [1, 2]) {
      const missing = await counted(() => anonymous().get("/scorecards/projects/PRJ-B"));
      expect(missing.value.status, `attempt ${attempt}`).toBe(404);
      expect(missing.hits, `attempt ${attempt}`).toBe(0);
    }
    const unknownVersion = await counted(() => anonymous().get(`${PAGE}?version=99`));
    expect(unknownVersion.value.status).toBe(404);
    expect((await counted(() => anonymous().get(`${PAGE}?version=99`))).hits).toBe(0);
    await publish("project", "PRJ-B", "2026-10-31");
    expect((await anonymous().get("/scorecards/projects/PRJ-B")).status).toBe(200);
  });
});
