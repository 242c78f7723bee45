import fs from "node:fs";
import path from "node:path";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { sampleCharts } from "../../../tests/fixtures/chart-fixtures";

/** Where the rendered SVG of each sample chart is kept, for review as a diff (Observable Plot's way). */
const OUTPUT = path.resolve(import.meta.dirname, "../../../tests/visual/output");

describe("charts on the server", () => {
  it("render in Node, with no DOM at all", () => {
    expect(typeof document).toBe("undefined");
    expect(typeof window).toBe("undefined");
    for (const { name, element } of sampleCharts()) {
      const html = renderToString(element);
      if (name === "empty") {
        expect(html).toContain("暂无数据 No data");
        expect(html).not.toContain("<svg");
      } else if (name === "sparkline") {
        expect(html).toContain('role="img"');
      } else {
        expect(html, name).toMatch(
          /<figure class="chart[^"]*"><figcaption><h3 class="chart-title">/,
        );
        expect(html, name).toContain('<svg class="chart-svg');
        expect(html, name).toContain("<details");
        expect(html, name).not.toContain("<button");
      }
    }
  });

  it("match their reviewed SVG (tests/visual/output/*.svg)", async () => {
    for (const { name, element } of sampleCharts()) {
      const svg = /<svg[\s\S]*<\/svg>/.exec(renderToString(element))?.[0];
      if (!svg) continue;
      // One element per line, so that a change shows as a readable diff.
      const standalone = svg
        .replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ')
        .replace(/></g, ">\n<");
      await expect(`${standalone}\n`).toMatchFileSnapshot(path.join(OUTPUT, `${name}.svg`));
    }
  });

  it("keep the output folder to the charts that exist", () => {
    if (!fs.existsSync(OUTPUT)) return;
    const names = new Set(sampleCharts().map((c) => `${c.name}.svg`));
    for (const file of fs.readdirSync(OUTPUT)) expect(names.has(file), file).toBe(true);
  });
});
