import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  BarChart,
  BulletChart,
  Heatmap,
  LineChart,
  MilestoneTimeline,
  QuadrantScatter,
  Sparkline,
} from "~/components/charts";
import { createI18n, type I18n } from "~/i18n/i18n";
import {
  barText,
  bulletText,
  heatmapText,
  lineText,
  quadrantText,
  partialMonthNote,
  sparklineText,
  timelineText,
} from "./chart-texts";
import { chartLabels } from "./dashboard-text";

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LATIN = /[A-Za-z]/;

/** Every string of a text object, nested ones (bands, quadrants) included, with its path. */
function strings(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, v]) => strings(v, path ? `${path}.${key}` : key));
  return [];
}

function allTexts(i18n: I18n) {
  return {
    heatmap: heatmapText(i18n),
    quadrant: quadrantText(i18n),
    bar: barText(i18n),
    line: lineText(i18n),
    bullet: bulletText(i18n),
    timeline: timelineText(i18n),
    sparkline: sparklineText(i18n),
  };
}

/** Summaries from sample inputs, with labels in the locale (as the pages' data would be). */
function summaries(i18n: I18n): Record<string, string> {
  const zh = i18n.locale === "zh";
  const t = allTexts(i18n);
  return {
    heatmap: t.heatmap.summarize({ rows: 18, columns: 7, red: 3, amber: 5, green: 100, none: 2 }),
    quadrant: t.quadrant.summarize(
      {
        plotted: 1234,
        quadrants: { topLeft: 4, topRight: 1200, bottomLeft: 10, bottomRight: 20 },
        notPlotted: zh ? ["甲项目", "乙项目"] : ["Project A", "Project B"],
      },
      t.quadrant.quadrants,
    ),
    bar: t.bar.summarize({
      count: 6,
      total: i18n.number(12345),
      highest: { label: zh ? "建设" : "Construction", text: i18n.number(4321) },
    }),
    line: t.line.summarize([
      {
        label: zh ? "满意率" : "Satisfaction",
        first: { x: i18n.month("2024-01"), text: i18n.percent(0.912) },
        last: { x: i18n.month("2025-12"), text: i18n.percent(0.953) },
      },
      { label: zh ? "答复率" : "Reply rate", first: null, last: null },
    ]),
    bullet: t.bullet.summarize(3, 1500, 2),
    bulletAllData: t.bullet.summarize(3, 4, 0),
    timeline: t.timeline.summarize(
      {
        total: 1200,
        completed: 7,
        late: 2,
        overdue: 1,
        largestSlip: { label: zh ? "系统上线" : "Go-live", days: 1042 },
      },
      t.timeline.formatSlip,
    ),
    timelineOnTime: t.timeline.summarize(
      { total: 5, completed: 5, late: 0, overdue: 0, largestSlip: null },
      t.timeline.formatSlip,
    ),
    sparkline: t.sparkline.describe(
      { x: "2024-03", y: 0.9, text: i18n.percent(0.9) },
      { x: "2025-02", y: 0.97, text: i18n.percent(0.97) },
    ),
  };
}

describe("chart texts in one language", () => {
  it("has no Chinese in any English word or header", () => {
    const en = createI18n("en");
    for (const [chart, text] of Object.entries(allTexts(en)))
      for (const [path, value] of strings(text))
        expect(value, `${chart}.${path}: ${value}`).not.toMatch(CJK);
  });

  it("has Chinese headers and words, with no Latin letters, in Chinese", () => {
    const zh = createI18n("zh");
    for (const [chart, text] of Object.entries(allTexts(zh)))
      for (const [path, value] of strings(text)) {
        if (value === "—") continue;
        expect(value, `${chart}.${path}`).toMatch(CJK);
        expect(value, `${chart}.${path}`).not.toMatch(LATIN);
      }
  });

  it("summarises in one language", () => {
    for (const [chart, sentence] of Object.entries(summaries(createI18n("en")))) {
      expect(sentence, chart).not.toBe("");
      expect(sentence, chart).not.toMatch(CJK);
    }
    for (const [chart, sentence] of Object.entries(summaries(createI18n("zh")))) {
      expect(sentence, chart).toMatch(CJK);
      expect(sentence, chart).not.toMatch(LATIN);
    }
  });

  it("formats the numbers of the summaries in the locale", () => {
    const en = summaries(createI18n("en"));
    expect(en.heatmap).toBe("18 × 7 cells: 3 off target, 5 watch, 100 on target, 2 no data.");
    expect(en.quadrant).toBe(
      "1,234 plotted. Delivering, within cost: 1,200; Delivering, over cost: 4; " +
        "Not delivering, within cost: 20; Not delivering, over cost: 10. " +
        "Not plotted (no data): Project A, Project B.",
    );
    expect(en.bar).toBe("6 categories, total 12,345; highest: Construction (4,321).");
    expect(en.line).toBe("Satisfaction: Jan 2024 91.2% → Dec 2025 95.3%.");
    expect(en.bullet).toBe("3 of 1,500 indicators met their target; 2 without data.");
    expect(en.bulletAllData).toBe("3 of 4 indicators met their target.");
    expect(en.timeline).toBe(
      "1,200 milestones: 7 done, 2 late, 1 overdue; largest slip: Go-live (+1,042 days).",
    );
    expect(en.timelineOnTime).toBe("5 milestones: 5 done, 0 late, 0 overdue.");
    expect(en.sparkline).toBe("Mar 2024: 90.0% → Feb 2025: 97.0%");

    const zh = summaries(createI18n("zh"));
    expect(zh.heatmap).toBe("18 × 7 格：未达标 3，预警 5，达标 100，无数据 2。");
    expect(zh.quadrant).toContain("已绘制 1,234 个。");
    expect(zh.quadrant).toContain("成效好、节支 1,200 个");
    expect(zh.quadrant).toContain("未绘制（缺少数据）：甲项目、乙项目。");
    expect(zh.bar).toBe("6 类，合计 12,345，最高：建设（4,321）。");
    expect(zh.line).toBe("满意率：2024年1月 91.2% → 2025年12月 95.3%。");
    expect(zh.bullet).toBe("1,500 项指标中 3 项达到目标，2 项无数据。");
    expect(zh.timeline).toBe(
      "1,200 个里程碑，已完成 7，延误 2，逾期 1；最大偏差：系统上线（+1,042 天）。",
    );
    expect(zh.sparkline).toBe("2024年3月 90.0% → 2025年2月 97.0%");
  });

  it("writes a slip with its sign, one day or several", () => {
    const en = timelineText(createI18n("en"));
    expect(en.formatSlip(1)).toBe("+1 day");
    expect(en.formatSlip(-3)).toBe("−3 days");
    expect(en.formatSlip(0)).toBe("±0 days");
    expect(timelineText(createI18n("zh")).formatSlip(12)).toBe("+12 天");
  });
});

/** Each chart with sample data in the locale and the locale's words, as the pages use them. */
function charts(i18n: I18n): Array<[string, ReactElement]> {
  const zh = i18n.locale === "zh";
  const common = { title: zh ? "图表" : "Chart", labels: chartLabels(i18n) };
  const name = (z: string, e: string) => (zh ? z : e);
  return [
    [
      "heatmap",
      createElement(Heatmap, {
        ...common,
        columns: [{ key: "a", label: name("满意率", "Satisfaction") }],
        rows: [
          { key: "r1", label: name("甲局", "Bureau A"), cells: { a: { value: 0.9, band: "red" } } },
          { key: "r2", label: name("乙局", "Bureau B"), cells: {} },
        ],
        text: heatmapText(i18n),
      }),
    ],
    [
      "quadrant",
      createElement(QuadrantScatter, {
        ...common,
        xLabel: name("成本", "Cost"),
        yLabel: name("成效", "Outcome"),
        points: [
          { key: "p1", label: name("甲", "One"), x: 0.8, y: 1.2, band: "green" },
          { key: "p2", label: name("乙", "Two"), x: null, y: 1, band: null },
        ],
        text: quadrantText(i18n),
      }),
    ],
    [
      "bar",
      createElement(BarChart, {
        ...common,
        valueLabel: name("项目数", "Projects"),
        categoryLabel: name("阶段", "Stage"),
        data: [
          { key: "a", label: name("建设", "Build"), value: 3, band: "amber" },
          { key: "b", label: name("运维", "Run"), value: null },
        ],
        text: barText(i18n),
      }),
    ],
    [
      "line",
      createElement(LineChart, {
        ...common,
        xLabel: name("月份", "Month"),
        yLabel: name("比率", "Rate"),
        formatX: (iso: string) => i18n.month(iso),
        series: [
          {
            key: "s",
            label: name("满意率", "Satisfaction"),
            points: [
              { x: "2024-01", y: 0.9 },
              { x: "2024-02", y: null },
              { x: "2024-03", y: 0.95 },
            ],
          },
        ],
        text: lineText(i18n),
      }),
    ],
    [
      "bullet",
      createElement(BulletChart, {
        ...common,
        indicators: [
          {
            key: "i",
            label: name("办结率", "Completion"),
            baseline: 0.5,
            target: 0.9,
            actual: 0.7,
            direction: "higher",
            band: "amber",
          },
          {
            key: "j",
            label: name("投诉数", "Complaints"),
            baseline: 50,
            target: 20,
            actual: null,
            direction: "lower",
          },
        ],
        text: bulletText(i18n),
      }),
    ],
    [
      "timeline",
      createElement(MilestoneTimeline, {
        ...common,
        cutOff: "2025-06-30",
        formatDate: (iso: string) => i18n.date(iso),
        milestones: [
          {
            key: "m1",
            label: name("立项", "Approval"),
            plannedDate: "2025-01-10",
            actualDate: "2025-02-01",
            completed: true,
          },
          {
            key: "m2",
            label: name("上线", "Go-live"),
            plannedDate: "2025-05-01",
            actualDate: null,
            completed: false,
          },
          {
            key: "m3",
            label: name("验收", "Acceptance"),
            plannedDate: "2025-09-01",
            actualDate: null,
            forecastDate: "2025-10-01",
            completed: false,
          },
        ],
        text: timelineText(i18n),
      }),
    ],
    [
      "sparkline",
      createElement(Sparkline, {
        label: name("满意率", "Satisfaction"),
        points: [
          { x: "2024-01", y: 0.9 },
          { x: "2024-02", y: 0.95, partial: true },
        ],
        format: (v: number) => i18n.percent(v),
        table: { caption: "t", columns: [name("月份", "Month")], rows: [] },
        text: sparklineText(i18n, "2024-02-15"),
      }),
    ],
  ];
}

describe("partialMonthNote", () => {
  it("names the month counted in part and its last day, and nothing for whole months", () => {
    const trend = [
      { month: "2026-09-01", through: null },
      { month: "2026-10-01", through: "2026-10-15" },
    ];
    expect(partialMonthNote(createI18n("en"), trend)).toMatch(
      /^Oct 2026 counts appeals to 15 Oct 2026 only/,
    );
    expect(partialMonthNote(createI18n("zh"), trend)).toMatch(/^2026年10月只计到2026年10月15日/);
    expect(partialMonthNote(createI18n("en"), trend.slice(0, 1))).toBeNull();
    expect(partialMonthNote(createI18n("en"), [])).toBeNull();
  });
});

describe("charts rendered with these texts", () => {
  it("name a sparkline's partial last month with the day it is counted to", () => {
    const nameOf = (locale: "zh" | "en") => {
      const sparkline = charts(createI18n(locale)).find(([chart]) => chart === "sparkline")!;
      return /aria-label="([^"]*)"/.exec(renderToString(sparkline[1]))![1];
    };
    expect(nameOf("en")).toContain("Feb 2024 (to 15 Feb 2024)");
    expect(nameOf("zh")).toContain("2024年2月（截至2024年2月15日）");
  });

  it("show no Chinese on an English page", () => {
    for (const [chart, element] of charts(createI18n("en"))) {
      const html = renderToString(element);
      const found = CJK.exec(html);
      expect(found && html.slice(Math.max(0, found.index - 60), found.index + 20), chart).toBe(
        null,
      );
    }
  });

  it("show no English words on a Chinese page", () => {
    for (const [chart, element] of charts(createI18n("zh"))) {
      // Visible text and accessible names; tags, attributes' names and ids are markup.
      const html = renderToString(element);
      const text = [
        ...html.replace(/<[^>]*>/g, "\n").split("\n"),
        ...[...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1] ?? ""),
      ]
        .map((s) => s.replace(/&[a-z]+;|&#\d+;/g, "").trim())
        .filter((s) => s !== "");
      for (const s of text) expect(s, chart).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
