/**
 * The rectification figures where leaders look, through the real server: the overview's
 * on-time rectification tile with its overdue escalation (a steward's counting only their
 * department), a department page's panel and the "rectification-overdue" red flag, each
 * against figures worked out by hand from six inserted cases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import * as schema from "../../db/schema/index";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;

async function signedIn(username: string): Promise<TestClient> {
  const client = new TestClient(handler, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  const response = await client.signIn(username, FIXTURE_PASSWORD);
  expect(response.status, `sign-in of ${username}`).toBe(302);
  return client;
}

/** March 2026 has no holiday: working days are Monday to Friday. */
const MARCH = "from=2026-03-01&to=2026-03-31";

/** The tile's article, so a figure elsewhere on the page cannot pass for it. */
function tileOf(html: string): string {
  const match =
    /<article[^>]*aria-labelledby="tile-rectification_on_time_rate"[\s\S]*?<\/article>/.exec(html);
  expect(match, "the on-time rectification tile").not.toBeNull();
  return match![0];
}

function panelOf(html: string): string {
  const match = /<section aria-labelledby="rectification-heading">[\s\S]*?<\/section>/.exec(html);
  expect(match, "the rectification panel").not.toBeNull();
  return match![0];
}

/** The overview's flag rows naming the overdue rule. */
const overdueFlagRows = (html: string) =>
  [...html.matchAll(/<tr[\s\S]*?<\/tr>/g)]
    .map((row) => row[0])
    .filter((row) =>
      /有整改件超过整改期限仍未办结|Rectification cases open past their deadline/.test(row),
    );

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  const a = fixture.departments.a.id;
  const b = fixture.departments.b.id;
  let n = 0;
  const notice = (
    departmentId: number,
    openedOn: string,
    deadline: string,
    closedOn: string | null,
  ) => {
    n += 1;
    return {
      departmentId,
      source: "red_flag" as const,
      flagRule: "on-time-reply-below-target",
      flagSubject: `department:TEST-${n}`,
      note: "督办",
      openedOn,
      limitWorkingDays: 5,
      deadline,
      state: closedOn === null ? ("open" as const) : ("closed" as const),
      closedAt: closedOn === null ? null : new Date(`${closedOn}T10:00:00+08:00`),
      closedOn,
    };
  };
  await handle.db.insert(schema.rectificationCases).values([
    // A: closed on time after 4 working days (Tue–Fri).
    notice(a, "2026-03-02", "2026-03-09", "2026-03-06"),
    // A: closed late after 8 working days.
    notice(a, "2026-03-02", "2026-03-09", "2026-03-12"),
    // A: open past its deadline at the end of March.
    notice(a, "2026-03-10", "2026-03-17", null),
    // A: open, deadline after the period.
    notice(a, "2026-03-25", "2026-04-01", null),
    // B: closed on its deadline (on time) after 5 working days.
    notice(b, "2026-03-02", "2026-03-09", "2026-03-09"),
    // B: opened in February, still open and overdue.
    notice(b, "2026-02-02", "2026-02-09", null),
  ]);
  handler = await createAppHandler(handle);
});

afterAll(async () => {
  await handle?.close();
});

describe("the overview's on-time rectification tile", () => {
  it("shows a leader both departments: 2 of 3 closed on time, 2 cases overdue", async () => {
    const leader = await signedIn("leader");
    const response = await leader.get(`/dashboard?${MARCH}`);
    expect(response.status).toBe(200);
    const tile = tileOf(await response.text());
    expect(tile).toMatch(/按期整改率|On-time rectification/);
    expect(tile).toContain(`<data value="${2 / 3}">`);
    expect(tile).toMatch(/66\.7\s?%/);
    // Target ≥ 95 %, red below 85 %: said in words, not colour alone.
    expect(tile).toMatch(/未达标|Off target/);
    expect(tile).toMatch(/≥ 95\.0\s?%/);
    expect(tile).toContain('href="/supervision/cases?state=overdue"');
    expect(tile).toMatch(/逾期未办结：2 件|Overdue cases: 2/);
  });

  it("counts only a steward's department: 1 of 2 on time, 1 overdue", async () => {
    const steward = await signedIn("steward");
    const response = await steward.get(`/dashboard?${MARCH}`);
    expect(response.status).toBe(200);
    const tile = tileOf(await response.text());
    expect(tile).toContain('<data value="0.5">');
    expect(tile).toMatch(/50\.0\s?%/);
    expect(tile).toMatch(/逾期未办结：1 件|Overdue cases: 1/);
  });
});

describe("the department page's rectification panel", () => {
  it("shows department A's figures for the period and links to its cases", async () => {
    const leader = await signedIn("leader");
    const response = await leader.get(`/dashboard/departments/DEPT-A?${MARCH}`);
    expect(response.status).toBe(200);
    const panel = panelOf(await response.text());
    const figure = (label: RegExp) => {
      const match = new RegExp(`<dt>(?:${label.source})</dt><dd><strong>([^<]*)</strong>`).exec(
        panel,
      );
      return match?.[1];
    };
    expect(figure(/期内立案|Opened in the period/)).toBe("4");
    expect(figure(/期内办结|Closed in the period/)).toBe("2");
    expect(figure(/按期整改率|On-time rectification/)).toMatch(/^50\.0\s?%$/);
    expect(figure(/逾期未办结|Overdue open/)).toBe("1");
    // Median of 4 and 8 working days.
    expect(figure(/办结用时中位数|Median time to closure/)).toMatch(/^6 (个工作日|working days)$/);
    expect(panel).toContain('href="/supervision/cases?department=DEPT-A"');
  });

  it("counts department B's February case as overdue but not as opened in March", async () => {
    const leader = await signedIn("leader");
    const panel = panelOf(
      await (await leader.get(`/dashboard/departments/DEPT-B?${MARCH}`)).text(),
    );
    expect(panel).toMatch(/期内立案|Opened in the period/);
    expect(panel).toMatch(/<dt>(?:期内立案|Opened in the period)<\/dt><dd><strong>1</);
    expect(panel).toMatch(/<dt>(?:逾期未办结|Overdue open)<\/dt><dd><strong>1</);
    expect(panel).toMatch(/100\.0\s?%/);
  });
});

describe("the rectification-overdue red flag", () => {
  it("flags each department with an overdue open case", async () => {
    const leader = await signedIn("leader");
    const html = await (await leader.get(`/dashboard?${MARCH}`)).text();
    const rows = overdueFlagRows(html);
    expect(rows).toHaveLength(2);
    expect(rows.some((row) => row.includes("甲部门"))).toBe(true);
    expect(rows.some((row) => row.includes("乙部门"))).toBe(true);
    // The figure is a count of cases, not a rate.
    for (const row of rows) {
      expect(row).toMatch(/>1</);
      expect(row).not.toMatch(/100\.0\s?%/);
    }
  });

  it("raises none for a department whose cases are not past their deadline yet", async () => {
    // On 9 March A's two March cases are at their deadline, not past it; B's February case is.
    const leader = await signedIn("leader");
    const html = await (await leader.get("/dashboard?from=2026-03-01&to=2026-03-09")).text();
    const rows = overdueFlagRows(html);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("乙部门");
  });

  it("lists the rule with its threshold and basis on the red-flags page", async () => {
    const leader = await signedIn("leader");
    const html = await (await leader.get(`/dashboard/red-flags?${MARCH}`)).text();
    expect(html).toMatch(/逾期未办结 ≥ 1 件|overdue open cases ≥ 1/);
    expect(html).toMatch(/好差评制度|好差评 rules/);
  });
});
