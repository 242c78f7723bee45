import { LIFECYCLE_STAGES, type LifecycleStage } from "../../db/schema/enums";
import type { WorkingDayCalendar } from "../../metrics/working-days";
import { Random } from "../random";
import {
  APPEAL_CATEGORIES,
  APPEAL_CHANNELS,
  COUNTY_CODE,
  DEPARTMENTS,
  MILESTONE_TEMPLATES,
  OUTCOME_TEMPLATES,
  PROJECTS,
  RATING_CHANNELS,
  REGIONS,
} from "./county";
import { addDays, addMonths, chinaTime, dayNumber, firstOfMonth, fromDayNumber } from "./dates";
import type { DemoData, DemoRow } from "./demo-data";
import { moderateDemoRatings } from "./rating-moderation";

export type WorkingDayRule = Pick<WorkingDayCalendar, "isWorkingDay" | "addWorkingDays">;

export interface DemoOptions {
  seed: number;
  /** The last day of demo data; 36 whole months end with its month. */
  lastDay: string;
  calendar: WorkingDayRule;
  /** About how many appeals over the 36 months. */
  appeals: number;
}

export const DEFAULT_DEMO_SEED = 20211;
/** Fixed, so that the demo is the same whichever day it is generated on. */
export const DEFAULT_LAST_DAY = "2026-10-31";
export const DEMO_MONTHS = 36;

const money = (yuan: number) => yuan.toFixed(2);

export function generateDemo(options: DemoOptions): DemoData {
  const random = new Random(options.seed);
  const firstMonth = addMonths(firstOfMonth(options.lastDay), -(DEMO_MONTHS - 1));
  const months = Array.from({ length: DEMO_MONTHS }, (_, index) => addMonths(firstMonth, index));
  const serviceItems = generateServiceItems(random);
  const projects = generateProjects(random, options.lastDay);
  return {
    regions: REGIONS.map((region) => ({
      code: region.code,
      name: region.name,
      level: region.level,
      parent_code: region.parentCode,
    })),
    departments: DEPARTMENTS.map(([code, name]) => ({
      code,
      name,
      region_code: COUNTY_CODE,
      parent_code: null,
    })),
    projects: projects.rows,
    "budget-lines": projects.budgetLines,
    milestones: projects.milestones,
    "outcome-indicators": projects.indicators,
    "outcome-values": projects.values,
    "service-items": serviceItems,
    "service-stats": generateServiceStats(random, serviceItems, months),
    appeals: generateAppeals(random, options, firstMonth),
    ratings: moderateDemoRatings(
      generateRatings(random, serviceItems, projects.rows, firstMonth, options.lastDay),
      serviceItems,
    ),
  };
}

function generateServiceItems(random: Random): DemoRow[] {
  const items: DemoRow[] = [];
  for (const [departmentCode, , names] of DEPARTMENTS) {
    names.forEach((name, index) => {
      items.push({
        code: `${departmentCode.slice(3)}-${String(index + 1).padStart(3, "0")}`,
        name,
        department_code: departmentCode,
        maturity: 0,
        one_visit: false,
        high_frequency: false,
        time_limit_days: random.pick([1, 3, 5, 7, 10, 15, 20]),
      });
    });
  }
  // 50 high-frequency items, chosen across departments; they are the most mature.
  const order = random.shuffle(items.map((_, index) => index));
  const highFrequency = new Set(order.slice(0, 50));
  items.forEach((item, index) => {
    const frequent = highFrequency.has(index);
    item.high_frequency = frequent;
    item.maturity = frequent
      ? random.weighted([
          [4, 35],
          [3, 58],
          [2, 7],
        ] as const)
      : random.weighted([
          [4, 15],
          [3, 45],
          [2, 22],
          [1, 11],
          [0, 7],
        ] as const);
    item.one_visit = frequent || random.chance(0.78);
  });
  return items;
}

function generateServiceStats(random: Random, items: DemoRow[], months: string[]): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const item of items) {
    const maturity = Number(item.maturity);
    const base = item.high_frequency ? random.uniform(300, 2500) : random.uniform(8, 180);
    const onlineShare =
      maturity >= 3 ? random.uniform(0.62, 0.95) : maturity === 2 ? random.uniform(0.25, 0.55) : 0;
    months.forEach((period, index) => {
      const seasonal = 1 + 0.15 * Math.sin((2 * Math.PI * (Number(period.slice(5, 7)) - 3)) / 12);
      const growth = 1 + index * 0.006;
      const transactions = random.poisson(base * seasonal * growth);
      const shareNow = Math.min(0.99, onlineShare * (1 + index * 0.004));
      const online =
        maturity <= 1
          ? null
          : Math.round(transactions * random.uniform(shareNow - 0.03, shareNow + 0.03));
      // A few months are reported without the completion columns.
      const reportsCompletion = random.chance(0.97);
      const completed = reportsCompletion
        ? Math.round(transactions * random.uniform(0.95, 1))
        : null;
      const onTimeShare = random.chance(0.08)
        ? random.uniform(0.85, 0.96)
        : random.uniform(0.97, 1);
      rows.push({
        item_code: String(item.code),
        period: period.slice(0, 7),
        transactions,
        online: online === null ? null : Math.max(0, Math.min(transactions, online)),
        completed,
        completed_on_time: completed === null ? null : Math.round(completed * onTimeShare),
      });
    });
  }
  return rows;
}

interface ProjectRows {
  rows: DemoRow[];
  budgetLines: DemoRow[];
  milestones: DemoRow[];
  indicators: DemoRow[];
  values: DemoRow[];
}

/** Where a project of each stage stands: planned start relative to the last day, in months. */
const STAGE_TIMING: Record<
  LifecycleStage,
  { startMonths: [number, number]; durationMonths: [number, number] }
> = {
  proposal: { startMonths: [3, 9], durationMonths: [12, 24] },
  feasibility: { startMonths: [2, 6], durationMonths: [12, 24] },
  approval: { startMonths: [0, 3], durationMonths: [12, 20] },
  procurement: { startMonths: [-4, -2], durationMonths: [14, 24] },
  construction: { startMonths: [-14, -6], durationMonths: [16, 26] },
  trial_operation: { startMonths: [-22, -15], durationMonths: [18, 24] },
  acceptance: { startMonths: [-28, -22], durationMonths: [20, 26] },
  operation: { startMonths: [-34, -28], durationMonths: [18, 26] },
  post_evaluation: { startMonths: [-35, -32], durationMonths: [14, 20] },
  retired: { startMonths: [-35, -34], durationMonths: [10, 14] },
};

const COST_MIX: ReadonlyArray<readonly [string, number]> = [
  ["hardware", 0.3],
  ["software", 0.35],
  ["services", 0.15],
  ["operation_maintenance", 0.1],
  ["security", 0.06],
  ["training", 0.04],
];

function generateProjects(random: Random, lastDay: string): ProjectRows {
  const out: ProjectRows = {
    rows: [],
    budgetLines: [],
    milestones: [],
    indicators: [],
    values: [],
  };
  const lastMonth = firstOfMonth(lastDay);
  PROJECTS.forEach(([category, name, departmentCode], index) => {
    const stage = LIFECYCLE_STAGES[index % LIFECYCLE_STAGES.length] as LifecycleStage;
    const code = `XM-2023-${String(index + 1).padStart(3, "0")}`;
    const timing = STAGE_TIMING[stage];
    const startMonth = addMonths(lastMonth, random.int(...timing.startMonths));
    const durationMonths = random.int(...timing.durationMonths);
    const plannedStart = startMonth;
    const plannedEnd = addDays(addMonths(startMonth, durationMonths), -1);
    const budget = Math.round(random.uniform(50, 4800)) * 10_000;
    // Some projects overspend, some run late, some miss their outcomes: the demo has red flags.
    const overspend = random.weighted([
      [1, 60],
      [1.15, 25],
      [1.45, 15],
    ] as const);
    const slipDays = random.weighted([
      [0, 50],
      [25, 25],
      [75, 15],
      [150, 10],
    ] as const);
    const outcomeLevel = random.weighted([
      [1.05, 45],
      [0.8, 35],
      [0.4, 20],
    ] as const);

    out.rows.push({
      code,
      name,
      department_code: departmentCode,
      category,
      funding_source: random.weighted([
        ["fiscal", 70],
        ["special_fund", 22],
        ["private_partner", 8],
      ] as const),
      stage,
      budget: money(budget),
      planned_start: plannedStart,
      planned_end: plannedEnd,
      target_users: random.pick([5_000, 20_000, 50_000, 120_000, 300_000]),
    });

    // Monthly plan: spend follows the build, then a thin tail of operation and maintenance.
    for (let month = 0; month < durationMonths; month++) {
      const period = addMonths(startMonth, month);
      if (period > lastMonth) break;
      const shape = Math.sin((Math.PI * (month + 0.5)) / durationMonths);
      const plannedMonth = (budget * shape * Math.PI) / (2 * durationMonths);
      for (const [costCategory, share] of COST_MIX) {
        if (share < 0.1 && month % 3 !== 0) continue;
        const planned = plannedMonth * share * (share < 0.1 ? 3 : 1);
        const actual = planned * overspend * random.uniform(0.85, 1.1);
        out.budgetLines.push({
          project_code: code,
          period: period.slice(0, 7),
          category: costCategory,
          planned: money(planned),
          actual: money(actual),
        });
      }
    }

    const startDay = dayNumber(plannedStart);
    const spanDays = dayNumber(plannedEnd) - startDay;
    let cumulative = 0;
    MILESTONE_TEMPLATES.forEach(([milestoneName, milestoneStage, weight], position) => {
      cumulative += weight;
      const planned = fromDayNumber(startDay + Math.round(spanDays * cumulative));
      const slip = position === 0 ? 0 : Math.round(slipDays * random.uniform(0.6, 1.2));
      const expected = addDays(planned, slip);
      const done = expected <= lastDay;
      out.milestones.push({
        project_code: code,
        name: milestoneName,
        stage: milestoneStage,
        weight: weight.toFixed(2),
        planned_date: planned,
        actual_date: done ? expected : null,
        forecast_date: done ? null : expected,
      });
    });

    const measured = LIFECYCLE_STAGES.indexOf(stage) >= LIFECYCLE_STAGES.indexOf("trial_operation");
    if (!measured) return;
    const templates = random.shuffle(OUTCOME_TEMPLATES).slice(0, random.int(2, 3));
    const firstValueMonth = addMonths(startMonth, Math.max(1, durationMonths - 6));
    templates.forEach(([suffix, indicatorName, unit, direction, baseLevel, targetFactor]) => {
      const baseline = Math.round(baseLevel * random.uniform(0.8, 1.2) * 100) / 100;
      const target = Math.round(baseline * targetFactor * 100) / 100;
      const indicatorCode = `${code.slice(-3)}-${suffix}`;
      out.indicators.push({
        project_code: code,
        code: indicatorCode,
        name: indicatorName,
        unit,
        direction,
        baseline: String(baseline),
        target: String(target),
        weight: random.chance(0.7) ? random.pick(["0.3", "0.4", "0.5"]) : null,
      });
      for (let period = firstValueMonth; period <= lastMonth; period = addMonths(period, 1)) {
        const progress = Math.min(1, (dayNumber(period) - dayNumber(firstValueMonth)) / 365 + 0.3);
        const reached = outcomeLevel * progress * random.uniform(0.92, 1.05);
        const actual = baseline + (target - baseline) * reached;
        out.values.push({
          project_code: code,
          indicator_code: indicatorCode,
          period: period.slice(0, 7),
          actual: String(Math.round(actual * 100) / 100),
        });
      }
    });
  });
  return out;
}

/** Working hours in seconds of the day: 08:30–17:30, the busiest around 10:00 and 15:00. */
function officeSeconds(random: Random): number {
  const hour = random.weighted([
    [8.5, 6],
    [9.5, 14],
    [10.5, 16],
    [11.5, 9],
    [13.5, 10],
    [14.5, 15],
    [15.5, 14],
    [16.5, 9],
  ] as const);
  return Math.round(hour * 3600 + random.uniform(0, 3600));
}

function generateAppeals(random: Random, options: DemoOptions, firstMonth: string): DemoRow[] {
  const rows: DemoRow[] = [];
  const departmentWeights = DEPARTMENTS.map(([code, , , share]) => [code, share] as const);
  const firstDay = dayNumber(firstMonth);
  const lastDay = dayNumber(options.lastDay);
  const perDay = options.appeals / (lastDay - firstDay + 1);
  let serial = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const date = fromDayNumber(day);
    const working = options.calendar.isWorkingDay(date);
    const seasonal = 1 + 0.2 * Math.sin((2 * Math.PI * (Number(date.slice(5, 7)) - 4)) / 12);
    // The hotline answers every day; offices' channels are quieter on days off.
    const count = random.poisson(perDay * seasonal * (working ? 1.18 : 0.55));
    for (let n = 0; n < count; n++) {
      serial++;
      const receivedSeconds = random.chance(0.85) ? officeSeconds(random) : random.int(0, 86_399);
      const receivedAt = chinaTime(date, receivedSeconds);
      const type = random.weighted([
        ["consultation", 45],
        ["complaint", 30],
        ["suggestion", 15],
        ["praise", 10],
      ] as const);

      // Most are contacted within one working day; a few later, a few never recorded.
      let firstContactAt: string | null = null;
      if (random.chance(0.97)) {
        const contactDays = random.weighted([
          [0, 62],
          [1, 34],
          [2, 3],
          [3, 1],
        ] as const);
        const contactDay =
          contactDays === 0 ? date : options.calendar.addWorkingDays(date, contactDays);
        firstContactAt =
          contactDays === 0
            ? chinaTime(date, Math.min(86_399, receivedSeconds + random.int(600, 7200)))
            : chinaTime(contactDay, officeSeconds(random));
      }

      // ~99 % replied, most within 5 working days, with a tail beyond.
      const replyDays = random.weighted([
        [0, 9],
        [1, 19],
        [2, 24],
        [3, 20],
        [4, 11],
        [5, 9],
        [6, 3],
        [7, 2],
        [9, 1.3],
        [12, 0.9],
        [18, 0.5],
      ] as const);
      const replyDay = replyDays === 0 ? date : options.calendar.addWorkingDays(date, replyDays);
      const replied = random.chance(0.9925) && replyDay <= options.lastDay;
      const replySeconds =
        replyDays === 0
          ? Math.min(86_399, receivedSeconds + random.int(1800, 14_400))
          : officeSeconds(random);
      const repliedAt = replied ? chinaTime(replyDay, replySeconds) : null;
      const closedDay = replied
        ? addDays(
            replyDay,
            random.weighted([
              [0, 60],
              [1, 25],
              [3, 15],
            ] as const),
          )
        : null;
      const closedAt =
        closedDay && closedDay <= options.lastDay
          ? chinaTime(closedDay, Math.min(86_399, replySeconds + 3600))
          : null;
      const dueAt = random.chance(0.04)
        ? chinaTime(options.calendar.addWorkingDays(date, 3), 86_399)
        : null;
      const satisfaction =
        replied && random.chance(0.72)
          ? random.weighted([
              [5, 70],
              [4, 21.5],
              [3, 4.5],
              [2, 2.3],
              [1, 1.7],
            ] as const)
          : null;
      if (firstContactAt && repliedAt && firstContactAt > repliedAt) firstContactAt = repliedAt;

      rows.push({
        external_id: `MJ${date.replaceAll("-", "")}${String(serial).padStart(6, "0")}`,
        channel: random.weighted(APPEAL_CHANNELS),
        department_code: random.weighted(departmentWeights),
        type,
        category: random.pick(APPEAL_CATEGORIES),
        received_at: receivedAt,
        first_contact_at: firstContactAt,
        replied_at: repliedAt,
        closed_at: closedAt,
        due_at: dueAt,
        satisfaction,
      });
    }
  }
  return rows;
}

const RATING_COMMENTS = [
  "办事很方便，一次就办好了",
  "工作人员态度很好",
  "网上办理流程清楚",
  "排队时间有点长",
  "材料要求说明不够清楚",
  "Quick and clear, thank you.",
];

function generateRatings(
  random: Random,
  items: DemoRow[],
  projects: DemoRow[],
  firstMonth: string,
  lastDay: string,
): DemoRow[] {
  const rows: DemoRow[] = [];
  const firstDay = dayNumber(firstMonth);
  const span = dayNumber(lastDay) - firstDay + 1;
  const ratedProjects = projects.filter((project) =>
    ["operation", "post_evaluation", "trial_operation"].includes(String(project.stage)),
  );
  for (let n = 1; n <= 6000; n++) {
    const onProject = random.chance(0.08);
    const target = onProject ? random.pick(ratedProjects) : random.pick(items);
    const date = fromDayNumber(firstDay + Math.floor(random.next() * span));
    const score = random.weighted([
      [5, 72],
      [4, 19],
      [3, 5],
      [2, 2.2],
      [1, 1.8],
    ] as const);
    rows.push({
      external_id: `PJ${String(n).padStart(7, "0")}`,
      target: onProject ? "project" : "service",
      target_code: String(target.code),
      score,
      channel: random.weighted(RATING_CHANNELS),
      rated_at: chinaTime(date, officeSeconds(random)),
      comment: random.chance(0.12) ? random.pick(RATING_COMMENTS) : null,
    });
  }
  return rows;
}
