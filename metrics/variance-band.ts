import { roundedUnits } from "./round-half-away-from-zero";

/** Status colour of a tile or a project; never the only carrier of meaning on a page. */
export type Band = "green" | "amber" | "red";

/**
 * Status band of a variance (cost, schedule, budget variance or forecast overrun), as on
 * the US Federal IT Dashboard, on v rounded half away from zero to 4 decimals
 * (0.1234 = 12.34 %):
 *
 *   |v| < 0.10 → green;  0.10 ≤ |v| < 0.30 → amber;  |v| ≥ 0.30 → red;  null → null
 *
 * So 0.09995 (→ 0.1000) is amber, −0.29995 (→ −0.3000) red, 0.099949 (→ 0.0999) green.
 * NaN is "no data" (null); ±Infinity is red.
 */
export function varianceBand(variance: number | null): Band | null {
  if (variance === null || Number.isNaN(variance)) return null;
  if (!Number.isFinite(variance)) return "red";
  const basisPoints = roundedUnits(variance, 4);
  if (basisPoints < 1000) return "green";
  if (basisPoints < 3000) return "amber";
  return "red";
}
