import type { DemoRow } from "./demo-data";
import { DEMO_USERS } from "./framework";

/**
 * Comments that still wait for moderation in the demo, so a fresh start shows a queue.
 * Two hold a citizen's contact details: the load scrubs them as an import would.
 */
export const DEMO_PENDING_COMMENTS = [
  "上午排队一个多小时，希望增加窗口。请回电 138 1234 5678",
  "材料清单已发到 li.ming@example.com，请工作人员核对",
  "预约系统总是提示错误，办了三次才成功",
  "办结很快，给窗口点赞",
  "咨询电话 0571-8765 4321 一直打不通",
  "希望周末也能办理",
] as const;

/** Comments a moderator turned down: an advertisement and noise. */
export const DEMO_REJECTED_COMMENTS = [
  "代办各类证件，价格优惠，加微信详谈",
  "啊啊啊啊啊啊啊啊",
] as const;

export const DEMO_APPEALS = {
  pending: "该评价者当天并未在本窗口办理业务，疑为恶意差评，请核实。",
  upheld: "同一设备一小时内对本事项连续差评，系统日志可证，属恶意评价。",
  upheldDecision: "经核对系统日志，评价来自批量提交，认定为恶意评价，予以剔除。",
} as const;

const stewardDepartments: ReadonlySet<string> = new Set(
  DEMO_USERS.find((user) => user.role === "steward")?.departments ?? [],
);

/**
 * Gives the demo's ratings their moderation (a field `comment_state` beside the CSV
 * columns, which the CSV leaves out) and two appeals (`appeal`): most comments approved;
 * the latest six pending (three in the demo steward's departments); two rejected; a
 * pending and an upheld appeal on bad reviews of the steward's services. Deterministic,
 * and draws no random numbers, so the rest of the demo stays as it was.
 */
export function moderateDemoRatings(ratings: DemoRow[], items: readonly DemoRow[]): DemoRow[] {
  const departmentOf = new Map(
    items.map((item) => [String(item.code), String(item.department_code)]),
  );
  const ofSteward = (row: DemoRow) =>
    row.target === "service" &&
    stewardDepartments.has(departmentOf.get(String(row.target_code)) ?? "");
  const latestFirst = [...ratings].sort(
    (a, b) =>
      String(b.rated_at).localeCompare(String(a.rated_at)) ||
      String(b.external_id).localeCompare(String(a.external_id)),
  );
  for (const row of ratings) if (row.comment !== null) row.comment_state = "approved";
  const taken = new Set<DemoRow>();
  const take = (count: number, fits: (row: DemoRow) => boolean) => {
    const chosen = latestFirst.filter((row) => !taken.has(row) && fits(row)).slice(0, count);
    for (const row of chosen) taken.add(row);
    return chosen;
  };
  const commented = (row: DemoRow) => row.comment !== null && row.target === "service";
  const pending = [
    ...take(3, (row) => commented(row) && ofSteward(row)),
    ...take(3, (row) => commented(row) && !ofSteward(row)),
  ];
  pending.forEach((row, index) => {
    row.comment = DEMO_PENDING_COMMENTS[index] ?? row.comment ?? null;
    row.comment_state = "pending";
  });
  take(2, commented).forEach((row, index) => {
    row.comment = DEMO_REJECTED_COMMENTS[index] ?? row.comment ?? null;
    row.comment_state = "rejected";
  });
  const [pendingAppeal, upheldAppeal] = take(2, (row) => ofSteward(row) && Number(row.score) === 1);
  if (pendingAppeal) pendingAppeal.appeal = "pending";
  if (upheldAppeal) upheldAppeal.appeal = "upheld";
  return ratings;
}
