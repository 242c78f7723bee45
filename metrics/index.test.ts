import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as metrics from "./index";

describe("metrics/index", () => {
  it("re-exports every module's public functions", () => {
    for (const name of [
      "ratio",
      "median",
      "medianFromHistogram",
      "createWorkingDayCalendar",
      "localDateOf",
      "endOfLocalDay",
      "yearsWithoutOfficialData",
      "appealKpis",
      "ratingSummary",
      "serviceCoverage",
      "digitalTakeUp",
      "onTimeCompletion",
      "monthsInRange",
      "projectEarnedValue",
      "portfolioEarnedValue",
      "varianceBand",
      "compareToTarget",
      "projectOutcome",
      "icc21",
      "compositeIndex",
      "rankUncertainty",
      "mulberry32",
      "relativeChange",
      "percentagePointChange",
    ]) {
      expect(typeof (metrics as Record<string, unknown>)[name], name).toBe("function");
    }
  });

  it("covers every module in the folder (fixtures aside)", async () => {
    const modules = readdirSync(new URL(".", import.meta.url))
      .filter(
        (file) =>
          file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".fixture.ts"),
      )
      .filter((file) => file !== "index.ts");
    const exported = new Set<unknown>(Object.values(metrics));
    for (const file of modules) {
      const module = (await import(
        /* @vite-ignore */ new URL(file, import.meta.url).href
      )) as Record<string, unknown>;
      const values = Object.values(module);
      expect(values.length, file).toBeGreaterThan(0);
      for (const value of values) expect(exported.has(value), `${file} export`).toBe(true);
    }
  });
});
