import { describe, expect, it } from "vitest";
import {
  APPEAL_TYPES,
  COST_CATEGORIES,
  FUNDING_SOURCES,
  LIFECYCLE_STAGES,
  indicatorDirection,
  ratingTarget,
  regionLevel,
} from "../../schema/enums";
import {
  APPEAL_TYPE_SYNONYMS,
  COST_CATEGORY_SYNONYMS,
  DIRECTION_SYNONYMS,
  FUNDING_SOURCE_SYNONYMS,
  LIFECYCLE_STAGE_SYNONYMS,
  RATING_TARGET_SYNONYMS,
  REGION_LEVEL_SYNONYMS,
  enumKey,
  expectedEnum,
  parseEnum,
  type EnumSynonyms,
} from "./parse-enum";

const TABLES: Array<[EnumSynonyms<string>, readonly string[]]> = [
  [APPEAL_TYPE_SYNONYMS, APPEAL_TYPES],
  [DIRECTION_SYNONYMS, indicatorDirection.enumValues],
  [REGION_LEVEL_SYNONYMS, regionLevel.enumValues],
  [RATING_TARGET_SYNONYMS, ratingTarget.enumValues],
  [LIFECYCLE_STAGE_SYNONYMS, LIFECYCLE_STAGES],
  [FUNDING_SOURCE_SYNONYMS, FUNDING_SOURCES],
  [COST_CATEGORY_SYNONYMS, COST_CATEGORIES],
];

describe("parseEnum", () => {
  it("covers exactly the schema's values, each synonym naming one of them", () => {
    for (const [table, values] of TABLES) {
      expect(Object.keys(table.synonyms), table.what).toEqual([...values]);
      const owners = new Map<string, string>();
      for (const [id, synonyms] of Object.entries<readonly string[]>(table.synonyms)) {
        for (const word of [id, ...synonyms]) {
          const key = enumKey(word);
          expect(owners.get(key) ?? id, `${table.what}: ${word}`).toBe(id);
          owners.set(key, id);
          expect(parseEnum(word, table)).toEqual({ ok: true, value: id });
        }
      }
    }
  });

  it("reads ids and Chinese names, ignoring case, spaces, _ and -", () => {
    const cases: Array<[string, EnumSynonyms<string>, string]> = [
      ["投诉", APPEAL_TYPE_SYNONYMS, "complaint"],
      ["Consultation", APPEAL_TYPE_SYNONYMS, "consultation"],
      ["建议", APPEAL_TYPE_SYNONYMS, "suggestion"],
      ["表扬", APPEAL_TYPE_SYNONYMS, "praise"],
      ["正向", DIRECTION_SYNONYMS, "higher"],
      ["LOWER", DIRECTION_SYNONYMS, "lower"],
      ["反向", DIRECTION_SYNONYMS, "lower"],
      ["省", REGION_LEVEL_SYNONYMS, "province"],
      ["市", REGION_LEVEL_SYNONYMS, "city"],
      ["县", REGION_LEVEL_SYNONYMS, "county"],
      ["县级", REGION_LEVEL_SYNONYMS, "county"],
      ["事项", RATING_TARGET_SYNONYMS, "service"],
      ["项目", RATING_TARGET_SYNONYMS, "project"],
      ["项目建议", LIFECYCLE_STAGE_SYNONYMS, "proposal"],
      ["可行性研究", LIFECYCLE_STAGE_SYNONYMS, "feasibility"],
      ["立项审批", LIFECYCLE_STAGE_SYNONYMS, "approval"],
      ["招标采购", LIFECYCLE_STAGE_SYNONYMS, "procurement"],
      ["建设实施", LIFECYCLE_STAGE_SYNONYMS, "construction"],
      ["试运行", LIFECYCLE_STAGE_SYNONYMS, "trial_operation"],
      ["trial operation", LIFECYCLE_STAGE_SYNONYMS, "trial_operation"],
      ["Trial-Operation", LIFECYCLE_STAGE_SYNONYMS, "trial_operation"],
      ["TRIAL_OPERATION", LIFECYCLE_STAGE_SYNONYMS, "trial_operation"],
      ["竣工验收", LIFECYCLE_STAGE_SYNONYMS, "acceptance"],
      ["运行维护", LIFECYCLE_STAGE_SYNONYMS, "operation"],
      ["后评价", LIFECYCLE_STAGE_SYNONYMS, "post_evaluation"],
      ["post evaluation", LIFECYCLE_STAGE_SYNONYMS, "post_evaluation"],
      ["退役", LIFECYCLE_STAGE_SYNONYMS, "retired"],
      ["财政资金", FUNDING_SOURCE_SYNONYMS, "fiscal"],
      ["专项资金", FUNDING_SOURCE_SYNONYMS, "special_fund"],
      ["special fund", FUNDING_SOURCE_SYNONYMS, "special_fund"],
      ["社会资本", FUNDING_SOURCE_SYNONYMS, "private_partner"],
      ["硬件", COST_CATEGORY_SYNONYMS, "hardware"],
      ["软件", COST_CATEGORY_SYNONYMS, "software"],
      ["服务", COST_CATEGORY_SYNONYMS, "services"],
      ["运维", COST_CATEGORY_SYNONYMS, "operation_maintenance"],
      ["operation maintenance", COST_CATEGORY_SYNONYMS, "operation_maintenance"],
      ["安全", COST_CATEGORY_SYNONYMS, "security"],
      ["培训", COST_CATEGORY_SYNONYMS, "training"],
      ["\u3000投 诉 ", APPEAL_TYPE_SYNONYMS, "complaint"],
      ["ＣＯＭＰＬＡＩＮＴ", APPEAL_TYPE_SYNONYMS, "complaint"],
    ];
    for (const [text, table, id] of cases) {
      expect(parseEnum(text, table), text).toEqual({ ok: true, value: id });
    }
  });

  it("refuses other words, listing the choices with their Chinese names", () => {
    expect(parseEnum("求助", APPEAL_TYPE_SYNONYMS)).toEqual({
      ok: false,
      reason:
        "expected an appeal type: complaint (投诉), consultation (咨询), suggestion (建议) or praise (表扬)",
    });
    expect(parseEnum("up", DIRECTION_SYNONYMS)).toEqual({
      ok: false,
      reason: "expected an indicator direction: higher (正向) or lower (反向)",
    });
    const refused: Array<[string, EnumSynonyms<string>]> = [
      ["", APPEAL_TYPE_SYNONYMS],
      ["complaints", APPEAL_TYPE_SYNONYMS],
      ["运维", LIFECYCLE_STAGE_SYNONYMS],
      ["operation", COST_CATEGORY_SYNONYMS],
      ["service", COST_CATEGORY_SYNONYMS],
      ["区", REGION_LEVEL_SYNONYMS],
    ];
    for (const [text, table] of refused) {
      expect(parseEnum(text, table), text).toEqual({ ok: false, reason: expectedEnum(table) });
    }
    expect(expectedEnum(LIFECYCLE_STAGE_SYNONYMS)).toContain("trial_operation (试运行)");
  });
});
