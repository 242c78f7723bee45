/**
 * The citizen rating form of public scorecards through the real server (behind the test
 * proxy, so the client address comes from X-Forwarded-For as in a deployment): what it
 * stores, the case a bad review opens, the limits per address (one by one and in
 * parallel), what may be rated, the CSRF check, and that the published snapshot never
 * moves.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { loadProjectRatings } from "../../db/queries/rating-figures.server";
import { buildDraft, publishScorecard } from "../../db/queries/scorecard-snapshots.server";
import * as schema from "../../db/schema/index";
import { departmentPayloadSchema } from "../../db/scorecards/payload";
import { SCRUB_MARKERS } from "../../db/privacy/scrub-personal-data";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

const TZ = "Asia/Shanghai";
const CUTOFF = "2026-10-31";

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;
let nextAddress = 10;

/** An anonymous browser at its own address, reading English pages. */
function citizen(address = `198.51.100.${nextAddress++}`): TestClient {
  const client = new TestClient(handler, address);
  client.cookies.set("mj_locale", "en");
  return client;
}

const PROJECT_PAGE = "/scorecards/projects/PRJ-A";
const DEPT_A_PAGE = "/scorecards/departments/DEPT-A";
/** DEPT-A's service items, all listed on its published scorecard. */
const ITEMS_A = Array.from(
  { length: 12 },
  (_, index) => `SVC-A${String(index + 1).padStart(2, "0")}`,
);

const textOf = (html: string) =>
  html
    // React's markers between adjacent text nodes are no space on screen.
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

async function mainText(response: Response): Promise<string> {
  const html = await response.text();
  return textOf(/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html);
}

/** Today's local date in the deployment's zone, as the server dates a rating. */
function localToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date());
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const countRatings = async () =>
  (await handle.rows<{ n: number }>(sql`select count(*)::int as n from ratings`))[0]!.n;

async function submissionsOf(): Promise<Array<Record<string, unknown>>> {
  return handle.rows(sql`select * from public_rating_submissions order by id`);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  handler = await createAppHandler(handle);
  const db = handle.db;
  await db.insert(schema.serviceItems).values([
    ...ITEMS_A.map((code, index) => ({
      code,
      name: `甲事项 ${index + 1}`,
      departmentId: fixture.departments.a.id,
      maturity: index % 5,
      oneVisit: index % 2 === 0,
      highFrequency: index < 3,
      timeLimitDays: index === 0 ? null : index + 2,
    })),
    { code: "SVC-B1", name: "乙事项", departmentId: fixture.departments.b.id, maturity: 3 },
  ]);
  const leader = { id: fixture.users.leader, name: "leader", ip: null };
  for (const [subject, code] of [
    ["project", "PRJ-A"],
    ["department", "DEPT-A"],
    ["department", "DEPT-B"],
  ] as const) {
    const outcome = await publishScorecard(
      db,
      { subject, code, cutoff: CUTOFF, reason: null, timeZone: TZ },
      leader,
    );
    expect(outcome, `${subject} ${code}`).toEqual({ ok: true, version: 1 });
  }
  // Added after DEPT-A was published: not on its scorecard, so not to be rated yet.
  await db.insert(schema.serviceItems).values({
    code: "SVC-A-NEW",
    name: "甲新事项",
    departmentId: fixture.departments.a.id,
    maturity: 2,
  });
});

afterAll(async () => {
  await handle?.close();
});

describe("the rating form on a published scorecard", () => {
  it("shows the project's form and the department's service items with theirs", async () => {
    const project = await mainText(await citizen().get(PROJECT_PAGE));
    expect(project).toContain("Rate this project");
    expect(project).toContain("Your rating");
    expect(project).toContain("1: very dissatisfied");
    const department = await citizen().get(DEPT_A_PAGE);
    const html = await department.text();
    expect(textOf(html)).toContain("Service items");
    expect(textOf(html)).toContain("甲事项 12 (SVC-A12)");
    expect(textOf(html)).toContain("Rate a service");
    expect(html).toMatch(/<select id="item" name="item"/);
    // An item added since publishing is neither listed nor offered.
    expect(html).not.toContain("SVC-A-NEW");
  });

  it("stores a scrubbed comment held for moderation, counted, with no address in clear", async () => {
    const client = citizen("198.51.100.201");
    const before = await loadProjectRatings(
      handle.db,
      (await projectId("PRJ-A"))!,
      { from: "2000-01-01", to: "2100-12-31" },
      TZ,
    );
    const response = await client.post(PROJECT_PAGE, {
      score: "4",
      comment: "  窗口很快。请回电 138 1234 5678 或 me@example.com  ",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${PROJECT_PAGE}?rated=1#rate`);
    const thanks = await mainText(await client.get(`${PROJECT_PAGE}?rated=1`));
    expect(thanks).toContain("Thank you for your rating");
    expect(thanks).toContain("will be published after moderation");

    const [rating] = await handle.db
      .select()
      .from(schema.ratings)
      .where(sql`${schema.ratings.externalId} like 'web-%' and ${schema.ratings.score} = 4`);
    expect(rating).toMatchObject({
      target: "project",
      projectId: await projectId("PRJ-A"),
      channel: "web",
      commentState: "pending",
      comment: `窗口很快。请回电 ${SCRUB_MARKERS.phone} 或 ${SCRUB_MARKERS.email}`,
    });
    expect(rating!.externalId).toMatch(/^web-[0-9a-f-]{36}$/);
    expect(Math.abs(rating!.ratedAt.getTime() - Date.now())).toBeLessThan(60_000);

    // Counted as ratings imported are.
    const after = await loadProjectRatings(
      handle.db,
      (await projectId("PRJ-A"))!,
      { from: "2000-01-01", to: "2100-12-31" },
      TZ,
    );
    expect(after.figures.rated).toBe(before.figures.rated + 1);

    // In the moderation queue, scrubbed.
    const leader = new TestClient(handler, "198.51.100.250");
    expect((await leader.signIn("leader", FIXTURE_PASSWORD)).status).toBe(302);
    const queue = await (await leader.get("/dashboard/ratings?state=pending")).text();
    expect(queue).toContain(`窗口很快。请回电 ${SCRUB_MARKERS.phone}`);
    expect(queue).not.toContain("1234 5678");

    // The address is kept only as its keyed hash; the audit event names no address.
    const submissions = await submissionsOf();
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ target_key: "project:PRJ-A" });
    expect(String(submissions[0]!.address_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(submissions)).not.toContain("198.51.100.201");
    const [event] = await handle.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "rating.public_submitted"));
    expect(event).toMatchObject({ objectKind: "rating", objectId: String(rating!.id), ip: null });
    expect(JSON.stringify(event)).not.toContain("198.51.100.201");
    expect(JSON.stringify(event)).not.toContain(submissions[0]!.address_hash as string);
  });

  it("opens a rectification case for a 2, for the item's department, due by the calendar", async () => {
    // The next days' calendar, stated: off, working, off, working, working…
    const today = localToday();
    const days = [false, true, false, true, true, true].map((isWorking, index) => ({
      date: addDays(today, index + 1),
      isWorking,
      source: "import" as const,
    }));
    await handle.db
      .insert(schema.calendarDays)
      .values(days)
      .onConflictDoUpdate({
        target: schema.calendarDays.date,
        set: { isWorking: sql`excluded.is_working` },
      });
    await handle.db
      .update(schema.rectificationLimits)
      .set({ workingDays: 3 })
      .where(eq(schema.rectificationLimits.source, "rating"));
    const response = await citizen().post("/scorecards/departments/DEPT-B", {
      item: "SVC-B1",
      score: "2",
    });
    expect(response.status).toBe(302);
    const [rating] = await handle.db
      .select()
      .from(schema.ratings)
      .where(and(eq(schema.ratings.channel, "web"), eq(schema.ratings.score, 2)));
    expect(rating).toMatchObject({ target: "service", comment: null, commentState: null });
    const cases = await handle.db
      .select()
      .from(schema.rectificationCases)
      .where(eq(schema.rectificationCases.ratingId, rating!.id));
    // Working days 2, 4 and 5 after today: the third is the deadline.
    expect(cases).toMatchObject([
      {
        departmentId: fixture.departments.b.id,
        source: "rating",
        openedOn: today,
        limitWorkingDays: 3,
        deadline: addDays(today, 5),
        state: "open",
      },
    ]);
  });

  it("opens no case for a 3", async () => {
    const opened = async () =>
      (
        await handle.rows<{ n: number }>(sql`select count(*)::int as n from rectification_cases`)
      )[0]!.n;
    const before = await opened();
    expect((await citizen().post(DEPT_A_PAGE, { item: ITEMS_A[0]!, score: "3" })).status).toBe(302);
    expect(await opened()).toBe(before);
  });

  it("answers errors beside the form, in the page's language, storing nothing", async () => {
    const before = await countRatings();
    const client = citizen();
    const missing = await client.post(PROJECT_PAGE, { comment: "ok" });
    expect(missing.status).toBe(400);
    const missingText = await mainText(missing);
    expect(missingText).toContain("There is a problem");
    expect(missingText).toContain("Choose a rating from 1 to 5");
    for (const score of ["0", "6", "2.5", "x"]) {
      const answer = await client.post(PROJECT_PAGE, { score });
      expect(answer.status, score).toBe(400);
    }
    const long = await client.post(PROJECT_PAGE, { score: "5", comment: "长".repeat(501) });
    expect(long.status).toBe(400);
    const longText = await mainText(long);
    expect(longText).toContain("A comment can be at most 500 characters");
    // What was typed comes back in the form.
    expect(longText).toContain("长".repeat(501));
    const noItem = await client.post(DEPT_A_PAGE, { score: "5" });
    expect(noItem.status).toBe(400);
    expect(await mainText(noItem)).toContain("Choose the service you rate");
    client.cookies.set("mj_locale", "zh");
    const zh = await client.post(PROJECT_PAGE, { score: "9" });
    expect(await mainText(zh)).toContain("请选择 1 到 5 分");
    expect(await countRatings()).toBe(before);
  });

  it("rates only what the latest published scorecard shows: anything else is 404", async () => {
    const before = await countRatings();
    const client = citizen();
    // PRJ-B exists but has no published scorecard.
    expect((await client.post("/scorecards/projects/PRJ-B", { score: "1" })).status).toBe(404);
    expect((await client.post("/scorecards/projects/NOPE", { score: "1" })).status).toBe(404);
    // An item added after publishing, another department's item, an unknown one.
    for (const item of ["SVC-A-NEW", "SVC-B1", "SVC-ZZZ"]) {
      expect((await client.post(DEPT_A_PAGE, { item, score: "1" })).status, item).toBe(404);
    }
    expect(
      (await client.post("/scorecards/departments/NOPE", { item: "SVC-B1", score: "1" })).status,
    ).toBe(404);
    expect(await countRatings()).toBe(before);
  });

  it("rates no service of a version published before service items were listed", async () => {
    const [department] = await handle.db
      .insert(schema.departments)
      .values({ code: "DEPT-OLD", name: "旧部门" })
      .returning();
    await handle.db.insert(schema.serviceItems).values({
      code: "SVC-OLD",
      name: "旧事项",
      departmentId: department!.id,
      maturity: 1,
    });
    const draft = await buildDraft(handle.db, "department", "DEPT-OLD", CUTOFF, TZ);
    const { serviceItems: listed, ...older } = departmentPayloadSchema.parse(draft);
    expect(listed).toHaveLength(1);
    // The older format still parses, and its page still shows.
    expect(departmentPayloadSchema.parse(older)).not.toHaveProperty("serviceItems");
    await handle.db.insert(schema.scorecardSnapshots).values({
      subject: "department",
      subjectCode: "DEPT-OLD",
      version: 1,
      dataCutoff: CUTOFF,
      payload: older,
      publishedBy: fixture.users.leader,
    });
    const client = citizen();
    const page = await client.get("/scorecards/departments/DEPT-OLD");
    expect(page.status).toBe(200);
    expect(await mainText(page)).not.toContain("Rate a service");
    const answer = await client.post("/scorecards/departments/DEPT-OLD", {
      item: "SVC-OLD",
      score: "5",
    });
    expect(answer.status).toBe(404);
  });

  it("refuses a rating without the form's token or from another site (403)", async () => {
    const before = await countRatings();
    const client = citizen();
    await client.get(PROJECT_PAGE);
    expect((await client.post(PROJECT_PAGE, { score: "5" }, { csrf: null })).status).toBe(403);
    expect(
      (
        await client.post(
          PROJECT_PAGE,
          { score: "5" },
          { csrf: "forged-token-forged-token-forged" },
        )
      ).status,
    ).toBe(403);
    expect(
      (await client.post(PROJECT_PAGE, { score: "5" }, { origin: "https://evil.example" })).status,
    ).toBe(403);
    // A browser that never got the token cookie (no page seen) is refused too.
    const stranger = citizen();
    const token = await citizen().csrfToken();
    expect((await stranger.post(PROJECT_PAGE, { score: "5" }, { csrf: token })).status).toBe(403);
    expect(await countRatings()).toBe(before);
  });

  it("never changes the published snapshot", async () => {
    const client = citizen();
    const api = async () => {
      const response = await client.get("/api/v1/scorecards/projects/PRJ-A");
      expect(response.status).toBe(200);
      return response.text();
    };
    const before = await api();
    const snapshots = await handle.rows(sql`select * from scorecard_snapshots order by id`);
    expect((await client.post(PROJECT_PAGE, { score: "1", comment: "太慢" })).status).toBe(302);
    expect(await api()).toBe(before);
    expect(await handle.rows(sql`select * from scorecard_snapshots order by id`)).toEqual(
      snapshots,
    );
  });
});

describe("limits per client address", () => {
  it("takes 5 an hour from an address, then answers 429 with a sentence and Retry-After", async () => {
    const client = citizen();
    for (const item of ITEMS_A.slice(0, 5)) {
      expect((await client.post(DEPT_A_PAGE, { item, score: "5" })).status, item).toBe(302);
    }
    const refused = await client.post(DEPT_A_PAGE, { item: ITEMS_A[5]!, score: "5" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(await mainText(refused)).toContain(
      "Your network address has sent as many ratings as allowed in an hour",
    );
    // Another address is counted apart.
    expect((await citizen().post(DEPT_A_PAGE, { item: ITEMS_A[5]!, score: "5" })).status).toBe(302);
  });

  it("takes one rating of a target a day from an address", async () => {
    const client = citizen();
    expect((await client.post(DEPT_A_PAGE, { item: ITEMS_A[7]!, score: "4" })).status).toBe(302);
    const again = await client.post(DEPT_A_PAGE, { item: ITEMS_A[7]!, score: "1" });
    expect(again.status).toBe(429);
    expect(await mainText(again)).toContain("You have already rated this today");
    expect((await client.post(DEPT_A_PAGE, { item: ITEMS_A[8]!, score: "4" })).status).toBe(302);
  });

  it("lets exactly the limit through when 10 requests arrive at once", async () => {
    const client = citizen();
    const token = await client.csrfToken();
    const ratingsBefore = await countRatings();
    const rowsBefore = (await submissionsOf()).length;
    const answers = await Promise.all(
      ITEMS_A.slice(0, 10).map((item) =>
        client.post(DEPT_A_PAGE, { item, score: "4" }, { csrf: token }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429, 429, 429, 429, 429]);
    expect(await countRatings()).toBe(ratingsBefore + 5);
    expect((await submissionsOf()).length).toBe(rowsBefore + 5);

    const same = citizen();
    const sameToken = await same.csrfToken();
    const onOne = await Promise.all(
      Array.from({ length: 10 }, () =>
        same.post(DEPT_A_PAGE, { item: ITEMS_A[11]!, score: "2" }, { csrf: sameToken }),
      ),
    );
    expect(onOne.filter((answer) => answer.status === 302)).toHaveLength(1);
    expect(onOne.filter((answer) => answer.status === 429)).toHaveLength(9);
    expect(await countRatings()).toBe(ratingsBefore + 6);
  });
});

async function projectId(code: string): Promise<number | undefined> {
  const [row] = await handle.db
    .select({ id: schema.projects.id })
    .from(schema.projects)
    .where(eq(schema.projects.code, code));
  return row?.id;
}
