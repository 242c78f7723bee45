/**
 * ICC(2,1) of Shrout & Fleiss (1979): two-way random effects, absolute agreement,
 * single rater, over a complete n × k matrix (rows: n subjects — projects; columns:
 * k raters — evaluators):
 *
 *   MSR = k Σ_i (x̄_i· − x̄)² / (n − 1)            between subjects (rows)
 *   MSC = n Σ_j (x̄_·j − x̄)² / (k − 1)            between raters (columns)
 *   MSE = (SST − SSR − SSC) / ((n − 1)(k − 1))   residual
 *   ICC = (MSR − MSE) / (MSR + (k − 1)·MSE + k·(MSC − MSE) / n)
 *
 * null with fewer than 2 subjects or 2 raters, or when the denominator is 0 (every score
 * equal). Throws a RangeError when the rows are not all k long.
 */
export function icc21(matrix: readonly (readonly number[])[]): number | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  if (matrix.some((row) => row.length !== k)) {
    throw new RangeError("ICC needs a complete matrix: every subject scored by every rater");
  }
  if (n < 2 || k < 2) return null;
  let total = 0;
  const rowMeans = matrix.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    total += sum;
    return sum / k;
  });
  const grandMean = total / (n * k);
  const columnMeans = Array.from(
    { length: k },
    (_, j) => matrix.reduce((sum, row) => sum + (row[j] as number), 0) / n,
  );
  const ssRows = k * rowMeans.reduce((sum, mean) => sum + (mean - grandMean) ** 2, 0);
  const ssColumns = n * columnMeans.reduce((sum, mean) => sum + (mean - grandMean) ** 2, 0);
  const ssTotal = matrix.reduce(
    (sum, row) => sum + row.reduce((s, x) => s + (x - grandMean) ** 2, 0),
    0,
  );
  const msr = ssRows / (n - 1);
  const msc = ssColumns / (k - 1);
  const mse = (ssTotal - ssRows - ssColumns) / ((n - 1) * (k - 1));
  const denominator = msr + (k - 1) * mse + (k * (msc - mse)) / n;
  if (denominator === 0) return null;
  return (msr - mse) / denominator;
}

/** One evaluator's score of one project (for one criterion). */
export interface RaterScore {
  readonly subject: string;
  readonly rater: string;
  readonly value: number;
}

/** A complete subjects × raters matrix, rows and columns sorted by id. */
export interface ScoreMatrix {
  readonly subjects: string[];
  readonly raters: string[];
  readonly matrix: number[][];
}

/**
 * Keeps only the subjects scored by every rater, as a complete matrix for icc21.
 * The raters are `raters` when given (e.g. every evaluator of the criterion), else every
 * rater appearing in the scores. A repeated (subject, rater) pair keeps its last value.
 */
export function completeScoreMatrix(
  scores: readonly RaterScore[],
  raters?: readonly string[],
): ScoreMatrix {
  const raterIds = [...new Set(raters ?? scores.map((score) => score.rater))].sort(byId);
  const bySubject = new Map<string, Map<string, number>>();
  for (const { subject, rater, value } of scores) {
    const row = bySubject.get(subject) ?? new Map<string, number>();
    row.set(rater, value);
    bySubject.set(subject, row);
  }
  const subjects = [...bySubject.keys()]
    .filter((subject) => raterIds.every((rater) => bySubject.get(subject)?.has(rater)))
    .sort(byId);
  const matrix = subjects.map((subject) =>
    raterIds.map((rater) => bySubject.get(subject)?.get(rater) as number),
  );
  return { subjects, raters: raterIds, matrix };
}

/** ICC(2,1) over the subjects scored by every rater (completeScoreMatrix, then icc21). */
export function iccOfScores(
  scores: readonly RaterScore[],
  raters?: readonly string[],
): number | null {
  const { matrix, raters: columns } = completeScoreMatrix(scores, raters);
  if (columns.length < 2) return null;
  return icc21(matrix);
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
