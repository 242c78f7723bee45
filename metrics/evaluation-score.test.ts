import { describe, expect, it } from "vitest";
import {
  criterionScore,
  frameworkNodeScores,
  frameworkScore,
  type FrameworkNode,
} from "./evaluation-score";

describe("criterionScore", () => {
  it("is the mean of the submitted scores", () => {
    expect(criterionScore([8, 6, 7])).toBe(7);
    expect(criterionScore([8, null, 5])).toBe(6.5);
  });

  it("is no data without submitted scores", () => {
    expect(criterionScore([])).toBeNull();
    expect(criterionScore([null])).toBeNull();
  });
});

const framework: FrameworkNode[] = [
  {
    id: "D1",
    weight: 0.6,
    children: [
      { id: "C1", weight: 0.5 },
      { id: "C2", weight: 0.3 },
      { id: "C3", weight: 0.2 },
    ],
  },
  {
    id: "D2",
    weight: 0.4,
    children: [
      { id: "C4", weight: 0.25 },
      { id: "D2a", weight: 0.75, children: [{ id: "C5", weight: 1 }] },
    ],
  },
];

describe("frameworkScore", () => {
  it("is the weighted sum over the tree", () => {
    const scores = new Map([
      ["C1", 80],
      ["C2", 90],
      ["C3", 70],
      ["C4", 60],
      ["C5", 100],
    ]);
    // D1 = 0.5·80 + 0.3·90 + 0.2·70 = 81; D2a = 100; D2 = 0.25·60 + 0.75·100 = 90
    const nodes = frameworkNodeScores(framework, scores);
    expect(nodes.get("D1")).toBeCloseTo(81, 12);
    expect(nodes.get("D2a")).toBe(100);
    expect(nodes.get("D2")).toBeCloseTo(90, 12);
    // project = 0.6·81 + 0.4·90 = 84.6
    expect(frameworkScore(framework, scores)).toBeCloseTo(84.6, 12);
  });

  it("renormalises over scored children when some are missing", () => {
    const scores = new Map<string, number | null>([
      ["C1", 80],
      ["C2", null],
      ["C4", 60],
      ["C5", 100],
    ]);
    // D1 = 80 (only C1); D2 = 90; project 84.
    expect(frameworkScore(framework, scores)).toBeCloseTo(0.6 * 80 + 0.4 * 90, 12);
  });

  it("is no data without any criterion score", () => {
    expect(frameworkScore(framework, new Map())).toBeNull();
    expect(frameworkNodeScores(framework, new Map()).get("D2")).toBeNull();
  });
});
