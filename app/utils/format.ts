import { LIFECYCLE_STAGES } from "../../db/schema/enum-values";
/**
 * Display formats shared by the pages. The locale-aware ones take an I18n (or a Locale);
 * the bilingual constants (STAGE_LABELS, ASSESSMENT_STATE_LABELS) and the zh-CN defaults
 * stay for pages not yet converted to the i18n layer (app/i18n).
 */
import { languageTag, type I18n, type Locale, type MessageKey } from "~/i18n/i18n";
import { messages } from "~/i18n/messages";

const wanFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** Yuan shown in 万元 (10,000 yuan), as Chinese budget documents do. Prefer `i18n.yuan`. */
export function formatWan(yuan: string | number | null): string {
  if (yuan === null) return "—";
  return `${wanFormat.format(Number(yuan) / 10_000)} 万元`;
}

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "Asia/Shanghai",
});

/**
 * An instant as a local date and time: "2026/11/23 09:30" (zh) or "23/11/2026, 09:30"
 * (en), in `timeZone` (default Asia/Shanghai).
 */
export function formatDateTime(
  value: Date | string | null,
  timeZone?: string,
  locale: Locale = "zh",
): string {
  if (value === null) return locale === "en" ? "no data" : "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (!timeZone && locale === "zh") return dateTime.format(date);
  return new Intl.DateTimeFormat(languageTag(locale), {
    dateStyle: "short",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: timeZone ?? "Asia/Shanghai",
  }).format(date);
}

/** Lifecycle stages, in order (DESIGN.md): the schema's list. */
export const STAGES = LIFECYCLE_STAGES;

export const ASSESSMENT_STATES = ["draft", "submitted", "moderated", "final"] as const;

function keyOf(prefix: string, value: string): MessageKey | undefined {
  const key = `${prefix}.${value}`;
  return key in messages ? (key as MessageKey) : undefined;
}

/** A lifecycle stage in the page's language ("construction" → 建设实施 / Construction). */
export function stageLabel(i18n: I18n, stage: string): string {
  const key = keyOf("common.stage", stage);
  return key ? i18n.t(key) : stage;
}

/** An assessment's state in the page's language ("draft" → 草稿 / Draft). */
export function assessmentStateLabel(i18n: I18n, state: string): string {
  const key = keyOf("common.assessmentState", state);
  return key ? i18n.t(key) : state;
}

/** A role in the page's language ("steward" → 数据专员 / Data steward). */
export function roleLabel(i18n: I18n, role: string): string {
  const key = keyOf("common.role", role);
  return key ? i18n.t(key) : role;
}

/** "项目建议 Proposal": both languages, for pages not yet on the i18n layer. */
function bilingual(prefix: string, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    values.map((value) => {
      const key = keyOf(prefix, value);
      return [value, key ? `${messages[key].zh} ${messages[key].en}` : value];
    }),
  );
}

/** Bilingual stage labels; converted pages use `stageLabel(i18n, stage)`. */
export const STAGE_LABELS: Record<string, string> = bilingual("common.stage", STAGES);

/** Bilingual state labels; converted pages use `assessmentStateLabel(i18n, state)`. */
export const ASSESSMENT_STATE_LABELS: Record<string, string> = bilingual(
  "common.assessmentState",
  ASSESSMENT_STATES,
);
