/**
 * A whole evaluation round in Chromium, through the pages only: the leader creates and
 * opens a round and assigns both demo evaluators to a project; one declares a conflict
 * (the leader sees it), the other scores part of the rubric, reloads (the draft is kept),
 * finishes and submits; the leader starts moderation and returns one score, the evaluator
 * revises it, the leader closes the round. The final score shown equals the one computed
 * here from the scores typed, the framework's weights (its JSON export) and the KPI values
 * the moderation page shows. axe checks each page for WCAG 2.1 AA.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { axeViolations, screenshot, sharedBrowser } from "./browser";

const ROUND_CODE = "E2E-R1";
const ROUND_NAME = "端到端测试轮次 End-to-end round";
/** In the demo but not in its open round R2026. */
const PROJECT_CODE = "XM-2023-006";
const CONFLICT = "本人曾任该项目承建单位技术顾问（2024年）。";
const RETURN_COMMENT = "请对照会议纪要复核 D1.2 的评分。";

/** The first scores (typed before the reload), the rest, and the revision of the returned one. */
const FIRST: Record<string, number> = { "D1.1": 86, "D1.2": 72 };
const REST: Record<string, number> = { "D2.3": 91, "D3.2": 97, "D4.2": 55, "D4.3": 80 };
const RETURNED = "D1.2";
const REVISED = 64.5;

async function signIn(context: BrowserContext, baseUrl: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  return page;
}

/** An evaluator signs in and opens, from their list, the round's project: its declaration. */
async function openAssignment(
  context: BrowserContext,
  baseUrl: string,
  username: string,
  projectName: string,
): Promise<Page> {
  const page = await signIn(context, baseUrl, username);
  await page
    .locator("table tbody tr", { hasText: ROUND_NAME })
    .getByRole("link", { name: projectName })
    .click();
  await page.locator("#declare-heading").waitFor();
  return page;
}

/** axe finds nothing, and the page is kept as a screenshot. */
async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The threshold numbers of the justification rule shown under a criterion, if any. */
function thresholds(rule: string | null): { below?: number; above?: number } {
  if (!rule) return {};
  const below = /(?:below|低于)\s*([\d.]+)/.exec(rule)?.[1];
  const above = /(?:above|高于)\s*([\d.]+)/.exec(rule)?.[1];
  return {
    ...(below ? { below: Number(below) } : {}),
    ...(above ? { above: Number(above) } : {}),
  };
}

/** A criterion's fieldset on the rubric form, by its code. */
function criterion(page: Page, code: string) {
  return page.locator("fieldset.criterion", {
    has: page.locator(".criterion-code", { hasText: new RegExp(`^${code.replace(".", "\\.")}$`) }),
  });
}

/** Fills a criterion's score, and its justification when the form's rule asks for one. */
async function score(page: Page, code: string, value: number): Promise<void> {
  const fieldset = criterion(page, code);
  const input = fieldset.locator('input[id^="score-"]');
  const id = (await input.getAttribute("id"))!;
  await input.fill(String(value));
  const rule = fieldset.locator(`#${id.replace("score-", "justification-")}-rule`);
  const { below, above } = thresholds((await rule.count()) > 0 ? await rule.textContent() : null);
  const needed = (below !== undefined && value < below) || (above !== undefined && value > above);
  await fieldset
    .locator(`#${id.replace("score-", "justification-")}`)
    .fill(needed ? `${code}：${value} 分，理由见评价底稿。` : "");
}

interface JsonNode {
  code: string;
  weight: number;
  scoring?: "evaluator" | "kpi";
  kpiKey?: string | null;
  min?: number | null;
  max?: number | null;
  children?: JsonNode[];
}

/**
 * The project score by hand: a criterion's percent is (value − min)/(max − min) × 100
 * (a KPI clamped to [0, 100]); a level is Σ w × percent over its children with a value,
 * renormalised over those (so with every value known, Σ path weight × percent).
 */
function handScore(
  nodes: JsonNode[],
  values: ReadonlyMap<string, number | null>,
): { score: number | null; kpiWeight: number } {
  let kpiWeight = 0;
  const visit = (node: JsonNode, above: number): number | null => {
    if (node.children && node.children.length > 0) return level(node.children, above * node.weight);
    const value = values.get(node.code) ?? null;
    if (value === null || node.min == null || node.max == null) return null;
    if (node.scoring === "kpi") kpiWeight += (above * node.weight) / (node.max - node.min);
    return Math.min(100, Math.max(0, ((value - node.min) / (node.max - node.min)) * 100));
  };
  const level = (children: JsonNode[], above: number): number | null => {
    let sum = 0;
    let weights = 0;
    for (const child of children) {
      const percent = visit(child, above);
      if (percent === null) continue;
      sum += child.weight * percent;
      weights += child.weight;
    }
    return weights > 0 ? sum / weights : null;
  };
  return { score: level(nodes, 1), kpiWeight };
}

/** The number a text ends with ("Final score: 73.8", "最终得分：73.8"), grouping commas dropped. */
function numberIn(text: string): number {
  const match = /(-?\d[\d,]*(?:\.\d+)?)\s*$/.exec(text.trim());
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[1]!.replace(/,/g, ""));
}

describe("an evaluation round in Chromium", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  it("runs from creation to close, and the final score is the hand-computed one", async () => {
    const round = `${baseUrl}/evaluation/rounds/${ROUND_CODE}`;
    const leaderContext = await browser().newContext({ bypassCSP: true });
    const leader = await signIn(leaderContext, baseUrl, "leader");

    // 1. The leader creates the round, assigns both evaluators and opens it.
    await leader.goto(`${baseUrl}/evaluation/rounds`);
    await leader
      .getByRole("heading", { level: 1, name: /^(评价轮次|Evaluation rounds)$/ })
      .waitFor();
    await check(leader, "round-list");
    await leader.getByRole("link", { name: /^(新建评价轮次|New round)$/ }).click();
    await leader.getByRole("heading", { level: 1, name: /^(新建评价轮次|New round)$/ }).waitFor();
    await check(leader, "round-new");

    const today = new Date();
    const frameworkOption = leader.locator("#frameworkId option", { hasText: "MJ-EGOV" }).first();
    const frameworkId = (await frameworkOption.getAttribute("value"))!;
    await leader.getByLabel(/^(编码|Code)$/).fill(ROUND_CODE);
    await leader.getByLabel(/^(名称|Name)$/).fill(ROUND_NAME);
    await leader.locator("#frameworkId").selectOption(frameworkId);
    await leader.getByLabel(/^(评价期间开始日期|Period starts)$/).fill("2026-01-01");
    await leader.getByLabel(/^(评价期间结束日期|Period ends)$/).fill("2026-06-30");
    await leader
      .getByLabel(/^(评分截止日期|Deadline for scores)/)
      .fill(isoDate(new Date(today.getTime() + 4 * 86_400_000)));
    const projectBox = leader.locator(".checkboxes label", { hasText: PROJECT_CODE });
    const projectLabel = (await projectBox.textContent()) ?? "";
    const projectName = projectLabel.slice(0, projectLabel.indexOf(` (${PROJECT_CODE}`));
    await projectBox.click();
    await leader.getByRole("button", { name: /^(创建轮次|Create round)$/ }).click();
    await leader.waitForURL(`${round}?done=created`);

    const assign = leader.getByLabel(/^(为 .+ 分派评价人|Assign an evaluator to .+)$/);
    for (const [index, username] of ["evaluator", "evaluator2"].entries()) {
      const option = assign.locator("option", { hasText: `(${username})` });
      await assign.selectOption((await option.getAttribute("value"))!);
      await leader.getByRole("button", { name: /^(分派|Assign)$/ }).click();
      await leader.locator("table.round-assignments tbody tr").nth(index).waitFor();
    }
    expect(await leader.locator("table.round-assignments tbody tr").count()).toBe(2);
    await leader.getByRole("button", { name: /^(开启轮次|Open round)$/ }).click();
    await leader.waitForURL(`${round}?done=opened`);
    await check(leader, "round-page");

    // 2. evaluator2 declares a conflict; the leader sees it with its statement.
    const evaluator2Context = await browser().newContext({ bypassCSP: true });
    const evaluator2 = await openAssignment(evaluator2Context, baseUrl, "evaluator2", projectName);
    await check(evaluator2, "round-declaration");
    await evaluator2.getByLabel(/Yes, I have a conflict|存在利益冲突（/).check();
    await evaluator2.getByLabel(/^(说明|Statement)$/).fill(CONFLICT);
    await evaluator2.getByRole("button", { name: /^(Declare|提交声明)$/ }).click();
    await evaluator2
      .getByText(/Your conflict of interest is recorded|已记录您的利益冲突声明/)
      .waitFor();
    await check(evaluator2, "round-conflict-declared");
    await evaluator2Context.close();

    await leader.goto(round);
    await expect(leader.locator(".conflict-notice").textContent()).resolves.toContain(CONFLICT);
    await expect(
      leader.locator("table.round-assignments tbody tr", { hasText: CONFLICT }).count(),
    ).resolves.toBe(1);
    await check(leader, "round-page-conflict");

    // 3. evaluator declares none, drafts part of the rubric, reloads, finishes, submits.
    const evaluatorContext = await browser().newContext({ bypassCSP: true });
    const evaluator = await openAssignment(evaluatorContext, baseUrl, "evaluator", projectName);
    const assignmentUrl = evaluator.url();
    await evaluator.getByLabel(/No, I have no conflict of interest|不存在利益冲突/).check();
    await evaluator.getByRole("button", { name: /^(Declare|提交声明)$/ }).click();
    await evaluator.locator("#rubric-heading").waitFor();
    for (const [code, value] of Object.entries(FIRST)) await score(evaluator, code, value);
    await evaluator
      .getByRole("status")
      .filter({ hasText: /Saved at \d\d:\d\d|已于 \d\d:\d\d 保存/ })
      .waitFor({ timeout: 10_000 });
    await evaluator.reload();
    await evaluator.locator("#rubric-heading").waitFor();
    for (const [code, value] of Object.entries(FIRST))
      expect(await criterion(evaluator, code).locator('input[id^="score-"]').inputValue()).toBe(
        String(value),
      );
    await check(evaluator, "round-rubric-draft");
    for (const [code, value] of Object.entries(REST)) await score(evaluator, code, value);
    await evaluator.getByRole("button", { name: /^(Submit scores|提交评分)$/ }).click();
    await evaluator.waitForURL(/\?submitted=1$/);
    await evaluator.locator("table.submitted-scores").waitFor();
    await check(evaluator, "round-rubric-submitted");

    // 4. The leader starts moderation and returns one score; the evaluator revises it.
    const moderation = `${round}/moderation`;
    await leader.goto(moderation);
    await check(leader, "round-moderation-open");
    await leader.getByRole("button", { name: /^(开始复核|Start moderation)$/ }).click();
    await leader.waitForURL(`${moderation}?started=1`);
    await leader.getByRole("link", { name: new RegExp(RETURNED.replace(".", "\\.")) }).click();
    await leader.locator("#return-heading").waitFor();
    await check(leader, "round-moderation-return");
    await leader.getByLabel(/^(退回意见|Comment for the evaluator)$/).fill(RETURN_COMMENT);
    await leader.getByRole("button", { name: /^(退回评分|Return the score)$/ }).click();
    await leader.waitForURL(`${moderation}?returned=1`);
    await expect(leader.locator(".returned-mark").textContent()).resolves.toContain(RETURN_COMMENT);
    await check(leader, "round-moderation-returned");

    await evaluator.goto(assignmentUrl);
    await expect(evaluator.locator(".returned-comment").textContent()).resolves.toContain(
      RETURN_COMMENT,
    );
    // Only the returned criterion can change.
    expect(await evaluator.locator('input[id^="score-"]').count()).toBe(1);
    await check(evaluator, "round-rubric-returned");
    await score(evaluator, RETURNED, REVISED);
    await evaluator.getByRole("button", { name: /^(Submit scores|提交评分)$/ }).click();
    await evaluator.waitForURL(/\?submitted=1$/);
    await evaluator.locator("table.submitted-scores").waitFor();
    await evaluatorContext.close();

    // 5. The KPI values the moderation page shows, then the leader closes the round.
    await leader.goto(moderation);
    expect(await leader.locator(".returned-mark").count()).toBe(0);
    const kpis = new Map<string, number | null>();
    for (const row of await leader.locator("table.moderation-table tbody tr").all()) {
      const cell = row.locator("td[colspan]");
      if ((await cell.count()) === 0) continue;
      const code = ((await row.locator("th").textContent()) ?? "").split(" ")[0]!;
      const text = (await cell.textContent()) ?? "";
      kpis.set(code, /[:：]\s*-?\d/.test(text) ? numberIn(text) : null);
    }
    await leader.getByRole("link", { name: /^(结束本轮次…|Close the round…)$/ }).click();
    await leader.waitForURL(`${moderation}/close`);
    await check(leader, "round-close");
    await leader
      .getByRole("button", {
        name: /^(结束轮次并保存最终得分|Close the round and store the final scores)$/,
      })
      .click();
    await leader.waitForURL(new RegExp(`${moderation}\\?closed=`));
    const caption = (await leader.locator("table.moderation-table caption").textContent()) ?? "";
    await check(leader, "round-moderation-closed");

    // The framework's weights and ranges, from its JSON export (admins only).
    const adminContext = await browser().newContext({ bypassCSP: true });
    await signIn(adminContext, baseUrl, "admin");
    const exported = await adminContext.request.get(
      `${baseUrl}/admin/frameworks/${frameworkId}.json`,
    );
    expect(exported.status()).toBe(200);
    const framework = (await exported.json()) as { nodes: JsonNode[] };
    await adminContext.close();

    const values = new Map<string, number | null>([
      ...Object.entries({ ...FIRST, ...REST, [RETURNED]: REVISED }),
      ...kpis,
    ]);
    const { score: expected, kpiWeight } = handScore(framework.nodes, values);
    expect(expected).not.toBeNull();
    // The pages show the score to 1 decimal and KPI values to 3: the one's rounding, plus
    // what the other's can move the score.
    const tolerance = 0.05 + kpiWeight * 0.0005 * 100 + 1e-9;
    const shownOnModeration = numberIn(caption);
    expect(Math.abs(shownOnModeration - expected!)).toBeLessThanOrEqual(tolerance);

    await leader.goto(`${baseUrl}/dashboard/projects/${PROJECT_CODE}`);
    const row = leader.locator("#evaluations-heading ~ table tbody tr", { hasText: ROUND_CODE });
    const shownOnProject = numberIn((await row.locator("td").last().textContent()) ?? "");
    expect(shownOnProject).toBe(shownOnModeration);
    await leaderContext.close();
  }, 240_000);
});
