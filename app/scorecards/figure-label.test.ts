import { describe, expect, it } from "vitest";
import {
  flattenFigures,
  diffPayloads,
  figureRef,
  DIFF_FIGURE_PATTERNS,
} from "../../db/scorecards/snapshot-diff";
import { sampleDepartment, sampleProject } from "../../db/scorecards/sample-payloads.fixture";
import { createI18n } from "~/i18n/i18n";
import { figureLabel } from "./figure-label";

const zh = createI18n("zh");
const en = createI18n("en");

describe("figureLabel", () => {
  it("names every figure of both kinds of payload in both languages, never by its path", () => {
    const paths = [
      ...flattenFigures(sampleProject("P1")).keys(),
      ...flattenFigures({ ...sampleProject("P2"), evaluation: null }).keys(),
      ...flattenFigures(sampleDepartment("D1")).keys(),
    ];
    const seen = new Set<string>();
    for (const path of paths) {
      const ref = figureRef(path);
      expect(ref, path).not.toBeNull();
      seen.add(ref?.pattern ?? "");
      for (const i18n of [zh, en]) {
        const label = figureLabel(i18n, path);
        expect(label, path).not.toBe(path);
        expect(label, path).not.toMatch(/\{item\}|[a-z]+[A-Z][a-z]+|\.\*\./);
      }
    }
    // The sample payloads hold every pattern but the null stand-in for a KPI's target.
    expect(DIFF_FIGURE_PATTERNS.filter((pattern) => !seen.has(pattern))).toEqual(["kpis.*.target"]);
  });

  it("labels a correction's changed figures as a reader would name them", () => {
    const before = sampleProject("P1");
    const after = sampleProject("P1", { acYuan: 450_000 });
    after.spendCurve[0] = { month: "2026-01-31", pv: 100, ac: 95, ev: 80 };
    const changes = diffPayloads(before, after).map((change) => [
      figureLabel(zh, change.path),
      figureLabel(en, change.path),
    ]);
    expect(changes).toEqual([
      ["实际支出 AC（元）", "Actual spend, AC (yuan)"],
      ["支出曲线 2026年1月：实际支出 AC", "Spend curve Jan 2026: actual cost (AC)"],
    ]);
  });

  it("names list items by what they are: a KPI, an appeal type, a score, a code with dots", () => {
    expect(figureLabel(en, "kpis.cpi.value")).toBe("Cost performance (CPI)");
    expect(figureLabel(zh, "kpis.reply_rate.band")).toBe("诉求答复率：状态");
    expect(figureLabel(en, "appeals.byType.cells.complaint.count")).toBe(
      "Appeals received (Complaint)",
    );
    expect(figureLabel(en, "ratings.byScore.cells.1.count")).toBe("Citizen ratings 1 stars: count");
    expect(figureLabel(en, "projects.PRJ.A.1.cpi")).toBe("Project PRJ.A.1: CPI");
    expect(figureLabel(en, "kpis.cpi.target.target")).toBe("Cost performance (CPI): target");
    expect(figureLabel(en, "no.such.figure")).toBe("no.such.figure");
  });
});
