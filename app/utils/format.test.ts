import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18n";
import {
  ASSESSMENT_STATE_LABELS,
  assessmentStateLabel,
  formatDateTime,
  roleLabel,
  STAGE_LABELS,
  STAGES,
  stageLabel,
} from "./format";

const zh = createI18n("zh");
const en = createI18n("en");

describe("domain labels", () => {
  it("names stages, states and roles in one language", () => {
    expect(stageLabel(zh, "trial_operation")).toBe("试运行");
    expect(stageLabel(en, "trial_operation")).toBe("Trial operation");
    expect(assessmentStateLabel(en, "moderated")).toBe("Moderated");
    expect(roleLabel(zh, "steward")).toBe("数据专员");
    expect(stageLabel(en, "unknown-stage")).toBe("unknown-stage");
  });

  it("keeps the bilingual labels for pages not yet on the i18n layer", () => {
    expect(STAGE_LABELS.proposal).toBe("项目建议 Proposal");
    expect(Object.keys(STAGE_LABELS)).toEqual([...STAGES]);
    expect(ASSESSMENT_STATE_LABELS.final).toBe("定稿 Final");
  });
});

describe("formatDateTime", () => {
  const instant = new Date("2026-11-23T01:30:00Z");
  it("shows an instant in the deployment's time zone, per locale", () => {
    expect(formatDateTime(instant)).toBe("2026/11/23 09:30");
    expect(formatDateTime(instant, "Asia/Shanghai", "en")).toBe("23/11/2026, 09:30");
    expect(formatDateTime(instant, "UTC", "zh")).toBe("2026/11/23 01:30");
  });
});
