import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serviceCoverage, type ServiceItemProfile } from "./service-coverage";

const item = (maturity: number, highFrequency = false, oneVisit = false): ServiceItemProfile => ({
  maturity,
  highFrequency,
  oneVisit,
});

describe("serviceCoverage", () => {
  it("counts items at maturity 3 or more", () => {
    const items = [
      item(0),
      item(2, true, true),
      item(3, true),
      item(4, false, true),
      item(3, true, true),
    ];
    expect(serviceCoverage(items)).toEqual({
      items: 5,
      highFrequencyItems: 3,
      coverage: 3 / 5,
      highFrequencyCoverage: 2 / 3,
      oneVisitShare: 3 / 5,
    });
  });

  it("is no data without items, and without high-frequency items for that figure", () => {
    expect(serviceCoverage([])).toMatchObject({
      coverage: null,
      oneVisitShare: null,
      highFrequencyCoverage: null,
    });
    expect(serviceCoverage([item(4)])).toMatchObject({ coverage: 1, highFrequencyCoverage: null });
  });

  it("keeps every figure in [0, 1]", () => {
    const arb = fc.array(
      fc.record({
        maturity: fc.integer({ min: 0, max: 4 }),
        oneVisit: fc.boolean(),
        highFrequency: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(arb, (items) => {
        const result = serviceCoverage(items);
        for (const rate of [result.coverage, result.highFrequencyCoverage, result.oneVisitShare]) {
          if (rate === null) continue;
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
        expect(result.coverage === null).toBe(items.length === 0);
      }),
    );
  });
});
