import { parseArgs } from "node:util";
import { z } from "zod";
import { parseSettings } from "../settings.server";
import { localDateOf } from "../../metrics/time-zone";
import type { DbHandle } from "../client.server";
import { openMigratedDatabase } from "../open-migrated.server";
import {
  appealKpisFromRollups,
  projectKpisFromRollups,
  serviceKpisFromRollups,
} from "../queries/kpis.server";
import { findDepartment } from "../queries/departments.server";
import { findResultRound, roundResultsOf } from "../queries/evaluation-results.server";
import { loadRectificationFigures } from "../queries/rectification.server";

/**
 * npm run kpi -- KIND [--from DATE] [--to DATE] [--department CODE] [--project CODE]
 * Prints the KPIs of DESIGN.md as one JSON object on stdout, from the roll-ups.
 * npm run kpi -- evaluation [--round CODE] prints a round's scores through its framework
 * (default: the latest closed round; stored when it closed, computed on read before).
 * npm run kpi -- rectification prints the rectification cases' figures over the period.
 */
const USAGE =
  "Usage: npm run kpi -- appeals|services|projects [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--department CODE] [--project CODE]\n" +
  "       npm run kpi -- evaluation [--round CODE]\n" +
  "       npm run kpi -- rectification [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--department CODE]";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const argsSchema = z.object({
  kind: z.enum(["appeals", "services", "projects", "evaluation", "rectification"]),
  from: isoDate.optional(),
  to: isoDate.optional(),
  department: z.string().min(1).optional(),
  project: z.string().min(1).optional(),
  round: z.string().min(1).optional(),
});

/** Money in yuan to the fen; sums of decimals in binary floating point leave dust. */
const MONEY_KEYS = new Set(["bac", "pv", "ac", "ev", "eac"]);
function roundMoney(key: string, value: unknown): unknown {
  return MONEY_KEYS.has(key) && typeof value === "number" ? Math.round(value * 100) / 100 : value;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      department: { type: "string" },
      project: { type: "string" },
      round: { type: "string" },
    },
  });
  const parsed = argsSchema.safeParse({ kind: positionals[0], ...values });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`${USAGE}\n${issue?.path.join(".") || "arguments"}: ${issue?.message}`);
  }
  const args = parsed.data;
  const settings = parseSettings();
  const to = args.to ?? localDateOf(new Date(), settings.timeZone);
  const from = args.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) fail(`--from ${from} is after --to ${to}.`);

  const handle = await openMigratedDatabase(settings, "npm run kpi");
  try {
    if (args.kind === "evaluation") {
      process.stdout.write(`${JSON.stringify(await evaluation(handle.db, args.round), null, 2)}\n`);
      return;
    }
    let departmentIds: number[] | undefined;
    if (args.department) {
      const department = await findDepartment(handle.db, args.department);
      if (!department) fail(`No department with the code ${JSON.stringify(args.department)}.`);
      departmentIds = [department.id];
    }
    const range = { from, to };
    let result: object;
    if (args.kind === "appeals")
      result = await appealKpisFromRollups(handle.db, range, departmentIds);
    else if (args.kind === "rectification")
      result = await loadRectificationFigures(handle.db, {
        ...range,
        today: localDateOf(new Date(), settings.timeZone),
        departments: departmentIds ?? null,
      });
    else if (args.kind === "services")
      result = await serviceKpisFromRollups(handle.db, range, departmentIds);
    else {
      const { portfolio, byProject } = await projectKpisFromRollups(handle.db, to, {
        departmentIds,
        projectCode: args.project,
      });
      if (args.project && byProject.length === 0)
        fail(`No project with the code ${JSON.stringify(args.project)}.`);
      result = { cutoff: to, ...portfolio, byProject };
    }
    const scope = args.kind === "projects" ? {} : { from, to };
    process.stdout.write(
      `${JSON.stringify({ kind: args.kind, ...scope, department: args.department ?? null, ...result }, roundMoney, 2)}\n`,
    );
  } finally {
    await handle.close();
  }
}

/**
 * The round's scores through its framework version, as issue 20's command line describes:
 * round, state, framework, ICC(2,1) per criterion, and per project the score and criteria.
 * A closed round prints the results stored when it closed; a round not yet closed (its
 * `state` says so: open or moderation) is computed on read from the scores submitted so far.
 */
async function evaluation(db: DbHandle["db"], code: string | undefined): Promise<object> {
  const round = await findResultRound(db, code);
  if (!round) {
    fail(
      code === undefined
        ? "No closed evaluation round yet: name one with --round CODE."
        : `No evaluation round with the code ${JSON.stringify(code)}.`,
    );
  }
  const results = await roundResultsOf(db, round);
  return {
    round: round.code,
    state: round.state,
    framework: { code: round.framework.code, version: round.framework.version },
    icc: results.icc,
    projects: results.projects.map((project) => ({
      code: project.code,
      score: project.score,
      criteria: project.criteria,
    })),
  };
}

main().catch((error: unknown) => {
  console.error(`kpi failed: ${(error as Error).message}`);
  process.exit(1);
});
