/**
 * Whether a published rating figure (mean or share) reads "withheld": it is missing because
 * a score cell is hidden (payload.ts, ratingFiguresSchema). Missing without a hidden cell is
 * "no data" (no ratings at all). Apart from payload.ts so pages import no zod schema.
 */
export const ratingFigureWithheld = (
  ratings: { suppressed: boolean },
  value: number | null,
): boolean => value === null && ratings.suppressed;
