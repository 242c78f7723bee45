// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RankBandChart, rankBandLayout, type RankBandRow } from "./rank-band-chart";

afterEach(cleanup);

const rows: RankBandRow[] = [
  { key: "A", label: "甲 A", rank: 1, medianRank: 1, rankP5: 1, rankP95: 2, href: "/a" },
  { key: "B", label: "乙 B", rank: 2, medianRank: 2.5, rankP5: 1, rankP95: 4 },
  { key: "C", label: "丙 C", rank: 3, medianRank: 3, rankP5: 3, rankP95: 3 },
];

describe("RankBandChart", () => {
  it("draws a bar from the 5th to the 95th percentile rank and a dot at the median", () => {
    const { container } = render(<RankBandChart title="Bands" rows={rows} width={600} />);
    const { scale } = rankBandLayout(rows, 600);
    const marks = [...container.querySelectorAll("svg .rank-band")];
    expect(marks).toHaveLength(3);
    const b = marks[1]!;
    const bar = b.querySelector(".rank-band-bar")!;
    // The bar reaches 3 units past each end of the band (so a one-rank band is visible).
    expect(Number(bar.getAttribute("x"))).toBeCloseTo(scale(1) - 3, 0);
    expect(Number(bar.getAttribute("x")) + Number(bar.getAttribute("width"))).toBeCloseTo(
      scale(4) + 3,
      0,
    );
    expect(Number(b.querySelector(".rank-band-median")!.getAttribute("cx"))).toBeCloseTo(
      scale(2.5),
      0,
    );
    // Rank 1 lies left of rank 4: better is further left.
    expect(scale(1)).toBeLessThan(scale(4));
  });

  it("names each row with its figures, links it, and puts the data in a table", () => {
    const { container } = render(<RankBandChart title="Bands" rows={rows} />);
    const first = container.querySelector("svg .rank-band")!;
    expect(first.tagName.toLowerCase()).toBe("a");
    expect(first.getAttribute("href")).toBe("/a");
    expect(first.getAttribute("aria-label")).toBe("甲 A: 1; median 1; band 1–2");
    expect(container.querySelector("svg")!.getAttribute("aria-label")).toBe("Bands");
    const cells = [...container.querySelectorAll("details table tbody tr")].map((tr) =>
      [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent),
    );
    expect(cells[1]).toEqual(["乙 B", "2", "2.5", "1", "4"]);
  });
});
