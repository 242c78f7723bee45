/**
 * The name of a figure in a version diff, in the reader's language, from its payload path
 * (db/scorecards/snapshot-diff.ts figureRef): "facts.acYuan" → "实际支出 AC（元）",
 * "kpis.cpi.value" → "成本绩效指数 CPI", "appeals.trend.2026-03-01.replyRate" →
 * "Appeal trend Mar 2026: reply rate". A path no format knows is shown as it is.
 */
import { figureRef, type FigureRef } from "../../db/scorecards/snapshot-diff";
import type { I18n, MessageKey } from "~/i18n/i18n";
import { messages } from "~/i18n/messages";

const has = (key: string): key is MessageKey => Object.hasOwn(messages, key);

function itemText(i18n: I18n, ref: FigureRef): string {
  const item = ref.item ?? "";
  if (ref.pattern.startsWith("kpis.")) {
    const key = `scorecards.kpi.${item}`;
    return has(key) ? i18n.t(key) : item;
  }
  if (ref.pattern.startsWith("variances.")) {
    const key = `scorecards.variance.${item}`;
    return has(key) ? i18n.t(key) : item;
  }
  if (ref.pattern.startsWith("appeals.byType.")) {
    const key = `dashboard.type.${item}`;
    return has(key) ? i18n.t(key) : item;
  }
  if (ref.pattern.startsWith("ratings.byScore."))
    return i18n.t("scorecards.ratings.score", { score: item });
  if (/^\d{4}-\d{2}-\d{2}$/.test(item)) return i18n.month(item);
  return item;
}

export function figureLabel(i18n: I18n, path: string): string {
  const ref = figureRef(path);
  if (!ref) return path;
  return i18n.t(`figure.${ref.pattern}`, { item: itemText(i18n, ref) });
}
