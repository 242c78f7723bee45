import { Random } from "../random";

export interface RoundScoreOptions {
  seed: number;
  projects: readonly string[];
  /** Codes of the criteria scored by evaluators, each on [min, max]. */
  criteria: ReadonlyArray<{ code: string; min: number; max: number }>;
  /** Exactly two evaluators: the second is a little stricter than the first. */
  evaluators: readonly [string, string];
  /** Scores of one project ranging more than this are flagged for moderation. */
  threshold: number;
  /** How many (project, criterion) pairs the evaluators disagree on beyond the threshold. */
  disagreements: number;
}

export interface DemoScore {
  project: string;
  criterion: string;
  evaluator: string;
  value: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Two evaluators' whole-number scores of every project on every criterion, seeded.
 * Each project has a quality (62–92 % of the range), each criterion on it varies around
 * that, and each evaluator adds a small bias and noise; the two agree within the
 * threshold except on exactly `disagreements` pairs, where they range by threshold + 3
 * to threshold + 10 — enough to be flagged.
 */
export function generateRoundScores(options: RoundScoreOptions): DemoScore[] {
  const random = new Random(options.seed);
  const [first, second] = options.evaluators;
  const pairs = options.projects.flatMap((project) =>
    options.criteria.map((criterion) => ({ project, criterion })),
  );
  const flagged = new Set(
    random
      .shuffle(pairs.map((_, index) => index))
      .slice(0, Math.min(options.disagreements, pairs.length)),
  );
  const quality = new Map(options.projects.map((code) => [code, random.uniform(0.62, 0.92)]));
  return pairs.flatMap(({ project, criterion }, index) => {
    const { min, max } = criterion;
    const span = max - min;
    const level = clamp((quality.get(project) ?? 0.75) + random.normal(0, 0.06), 0.3, 0.98);
    const a = Math.round(clamp(min + span * (level + random.normal(0, 0.03)), min, max));
    let b: number;
    if (flagged.has(index)) {
      const gap = options.threshold + random.int(3, 10);
      // Away from the nearer end of the range, so the gap survives the clamp.
      b = a - min >= gap ? a - gap : Math.min(max, a + gap);
    } else {
      const drawn = Math.round(
        clamp(min + span * (level - 0.03 + random.normal(0, 0.03)), min, max),
      );
      const limit = options.threshold - 2;
      b = clamp(drawn, a - limit, a + limit);
    }
    return [
      { project, criterion: criterion.code, evaluator: first, value: a },
      { project, criterion: criterion.code, evaluator: second, value: b },
    ];
  });
}
