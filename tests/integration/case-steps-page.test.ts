/**
 * A case's steps as its page lists them: each step with what it says, and an acceptance
 * without a comment as its heading and byline only — no empty bordered box of facts.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import {
  answerCase,
  decideCase,
  openCasesForBadReviews,
  type CaseActor,
} from "../../db/queries/rectification.server";
import * as schema from "../../db/schema/index";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;
let caseId: number;

/** The <li> of each step of the page's list, in order. */
function stepsOf(html: string): string[] {
  const list = /<ol class="case-steps">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => match[1]!);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  const db = handle.db;
  const [project] = await db
    .select({ id: schema.projects.id })
    .from(schema.projects)
    .where(eq(schema.projects.code, fixture.projects.a));
  await db.insert(schema.ratings).values({
    externalId: "STEPS-A",
    target: "project",
    projectId: project!.id,
    score: 1,
    ratedAt: new Date(),
  });
  await db.transaction((tx) => openCasesForBadReviews(tx, { timeZone: "Asia/Shanghai" }));
  const [opened] = await db
    .select({ id: schema.rectificationCases.id })
    .from(schema.rectificationCases);
  caseId = opened!.id;
  const steward: CaseActor = {
    id: fixture.users.steward,
    name: "steward",
    role: "steward",
    departments: [fixture.departments.a.id],
    ip: null,
  };
  const leader: CaseActor = {
    ...steward,
    id: fixture.users.leader,
    name: "leader",
    role: "leader",
    departments: null,
  };
  const answered = await answerCase(db, steward, caseId, {
    found: "排队时间过长属实",
    done: "增开窗口",
    evidence: null,
  });
  expect(answered.ok).toBe(true);
  const accepted = await decideCase(
    db,
    leader,
    caseId,
    { decision: "accept", comment: null },
    "Asia/Shanghai",
  );
  expect(accepted.ok).toBe(true);
  handler = await createAppHandler(handle);
});

afterAll(async () => {
  await handle?.close();
});

describe("a case's steps on its page", () => {
  it("shows the answer's facts, and an acceptance without a comment without an empty list", async () => {
    const client = new TestClient(handler, "198.51.100.77");
    expect((await client.signIn("leader", FIXTURE_PASSWORD)).status).toBe(302);
    const response = await client.request(`/supervision/cases/${caseId}`, {
      headers: { "Accept-Language": "en-GB" },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toMatch(/<dl class="facts"><\/dl>/);
    const [answer, acceptance] = stepsOf(html);
    expect(stepsOf(html)).toHaveLength(2);
    expect(answer).toContain("Department&#x27;s answer");
    expect(answer).toMatch(/<dl class="facts">[\s\S]*增开窗口[\s\S]*<\/dl>/);
    expect(acceptance).toContain("<h3>Accepted</h3>");
    expect(acceptance).not.toContain("<dl");
  });
});
