// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { serializeSvg } from "./chart-download";

afterEach(() => {
  document.head.innerHTML = "";
  document.body.innerHTML = "";
});

describe("serializeSvg", () => {
  it("inlines styles that come from CSS classes, not only from attributes", () => {
    const style = document.createElement("style");
    style.textContent = `
      .heatmap-cell.band-amber > rect { fill: #fdf1dd; stroke: #a35200; stroke-width: 2px; }
      .heatmap-cell > text { font-size: 12px; font-weight: 600; text-anchor: middle; }
    `;
    document.head.append(style);
    document.body.innerHTML = `<svg class="chart-svg" viewBox="0 0 100 40" xmlns="http://www.w3.org/2000/svg">
      <a href="/x" class="chart-mark heatmap-cell band-amber" aria-label="A: 1">
        <rect x="2" y="2" width="90" height="32"></rect>
        <text x="50" y="20" aria-hidden="true">1</text>
      </a></svg>`;
    const svg = document.querySelector("svg")!;
    const out = serializeSvg(svg);
    const rect = /<rect x="2"[^>]*>/.exec(out)?.[0] ?? "";
    expect(rect).toMatch(/fill:\s*(#fdf1dd|rgb\(253, 241, 221\))/i);
    expect(rect).toMatch(/stroke:\s*(#a35200|rgb\(163, 82, 0\))/i);
    const text = /<text x="50"[^>]*>/.exec(out)?.[0] ?? "";
    expect(text).toMatch(/font-size:\s*12px/);
    expect(text).toMatch(/font-weight:\s*(600|bold)/);
    expect(text).toMatch(/text-anchor:\s*middle/);
  });
});
