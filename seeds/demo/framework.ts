/**
 * The demo's evaluation framework, modelled on the four dimensions of China's fiscal
 * performance evaluation (决策, 过程, 产出, 效益). Weights of each level sum to 1.
 * A criterion is scored by evaluators from 0 to 100, or bound to a computed KPI.
 */
export interface DemoCriterion {
  code: string;
  name: string;
  weight: number;
  kpiKey?: string;
  /** A KPI-bound criterion's rubric range: the KPI values that count as 0 and as 100. */
  kpiRange?: [number, number];
  /** Scores below / above these need a justification (evaluator-scored criteria). */
  justifyBelow?: number;
  justifyAbove?: number;
}

export interface DemoDimension {
  code: string;
  name: string;
  weight: number;
  criteria: DemoCriterion[];
}

export const DEMO_FRAMEWORK = {
  code: "MJ-EGOV",
  version: 1,
  name: "明镜电子政务项目绩效评价框架 E-government project performance framework",
  description:
    "决策、过程、产出、效益四个维度；评分 0–100。Decision, process, output and outcome; scores 0–100.",
  dimensions: [
    {
      code: "D1",
      name: "决策 Decision",
      weight: 0.15,
      criteria: [
        {
          code: "D1.1",
          name: "立项依据充分性 Soundness of the rationale",
          weight: 0.5,
          justifyBelow: 60,
          justifyAbove: 95,
        },
        { code: "D1.2", name: "绩效目标合理性 Quality of the performance goals", weight: 0.5 },
      ],
    },
    {
      code: "D2",
      name: "过程 Process",
      weight: 0.25,
      criteria: [
        {
          code: "D2.1",
          name: "预算执行率 Budget execution",
          weight: 0.4,
          kpiKey: "budget_execution",
          kpiRange: [0, 1],
        },
        {
          code: "D2.2",
          name: "进度绩效 Schedule performance (SPI)",
          weight: 0.3,
          kpiKey: "spi",
          kpiRange: [0, 1],
        },
        { code: "D2.3", name: "管理制度健全性 Project management", weight: 0.3 },
      ],
    },
    {
      code: "D3",
      name: "产出 Output",
      weight: 0.3,
      criteria: [
        {
          code: "D3.1",
          name: "成本绩效 Cost performance (CPI)",
          weight: 0.4,
          kpiKey: "cpi",
          kpiRange: [0, 1],
        },
        {
          code: "D3.2",
          name: "功能完成质量 Quality of delivered functions",
          weight: 0.6,
          justifyBelow: 60,
          justifyAbove: 95,
        },
      ],
    },
    {
      code: "D4",
      name: "效益 Outcome",
      weight: 0.3,
      criteria: [
        {
          code: "D4.1",
          name: "绩效目标达成度 Outcome achievement",
          weight: 0.5,
          kpiKey: "outcome_achievement",
          kpiRange: [0, 1],
        },
        {
          code: "D4.2",
          name: "用户满意度 User satisfaction",
          weight: 0.25,
          justifyBelow: 60,
          justifyAbove: 95,
        },
        { code: "D4.3", name: "可持续影响 Sustainability", weight: 0.25 },
      ],
    },
  ] satisfies DemoDimension[],
};

/** Rubric levels shared by the evaluator-scored criteria. */
export const DEMO_RUBRIC = [
  {
    label: "优 Excellent",
    minScore: 90,
    maxScore: 100,
    description: "目标全部实现，有充分证据。Every goal met, fully evidenced.",
  },
  {
    label: "良 Good",
    minScore: 75,
    maxScore: 89.99,
    description: "主要目标实现，证据基本充分。Main goals met, mostly evidenced.",
  },
  {
    label: "中 Fair",
    minScore: 60,
    maxScore: 74.99,
    description: "部分目标实现，存在明显不足。Some goals met, clear gaps.",
  },
  {
    label: "差 Poor",
    minScore: 0,
    maxScore: 59.99,
    description: "目标大多未实现或缺少证据。Most goals missed or unevidenced.",
  },
];

/**
 * Today's round, open: its deadline two weeks after the day the demo is seeded (or after
 * its last day of data, if later), so a fresh demo shows deadlines as an evaluator meets
 * them whenever it is started; a date fixed in the seed would soon read "overdue".
 */
export const DEMO_OPEN_ROUND = {
  code: "R2026",
  name: "2026年度电子政务项目绩效评价 2026 annual evaluation",
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  deadlineDaysAfterSeeding: 14,
  projects: [
    "XM-2023-008",
    "XM-2023-009",
    "XM-2023-018",
    "XM-2023-019",
    "XM-2023-028",
    "XM-2023-029",
  ],
  evaluators: ["evaluator", "evaluator2"],
} as const;

/**
 * The previous year's round, closed: both demo evaluators scored the same eight projects
 * (trial operation to post-evaluation, so 2025 has data) on every scored criterion, and
 * the leader closed it, storing the final scores.
 */
export const DEMO_CLOSED_ROUND = {
  code: "R2025",
  name: "2025年度电子政务项目绩效评价 2025 annual evaluation",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  /** Met: both evaluators submitted the day before. */
  deadline: "2026-02-28",
  disagreementThreshold: 20,
  /** Pairs (project, criterion) whose two scores range more than the threshold. */
  disagreements: 3,
  seed: 2025,
  declaredAt: "2026-01-20T09:30:00+08:00",
  submittedAt: "2026-02-27T16:00:00+08:00",
  /** Closed by the demo leader, through the same close as the moderation page's. */
  closedAt: "2026-03-13T10:00:00+08:00",
  closedBy: "leader",
  projects: [
    "XM-2023-006",
    "XM-2023-007",
    "XM-2023-008",
    "XM-2023-009",
    "XM-2023-016",
    "XM-2023-017",
    "XM-2023-018",
    "XM-2023-019",
  ],
  evaluators: ["evaluator", "evaluator2"],
} as const;

export const DEMO_PASSWORD = "mingjing-demo";

/** One user per role; the steward looks after two departments. */
export const DEMO_USERS = [
  { username: "admin", displayName: "系统管理员 Administrator", role: "admin", departments: [] },
  { username: "leader", displayName: "县政府领导 County leader", role: "leader", departments: [] },
  {
    username: "steward",
    displayName: "数据专员 Data steward",
    role: "steward",
    departments: ["MJ-SJJ", "MJ-RSJ"],
  },
  {
    username: "evaluator",
    displayName: "第三方评估机构 Evaluation institute",
    role: "evaluator",
    departments: [],
  },
  {
    username: "evaluator2",
    displayName: "评审专家 Expert reviewer",
    role: "evaluator",
    departments: [],
  },
] as const;
