import type {
  AppealType,
  COST_CATEGORIES,
  FUNDING_SOURCES,
  LifecycleStage,
  indicatorDirection,
  ratingTarget,
  regionLevel,
} from "../../schema/enums";
import { toHalfWidth } from "./half-width";
import { failure, parsed, type ParseResult } from "./parse-result";

/**
 * An enumerated cell: one of a fixed set of English ids (db/schema/enums.ts), written as
 * the id or as a synonym, mostly the Chinese term. Matching ignores case, white space
 * (U+3000 included), `_` and `-`, and folds full-width forms, so `trial_operation`,
 * `Trial Operation`, `trial-operation` and `试运行` are all the lifecycle stage
 * "trial_operation". Each table below lists, per id, the synonyms besides the id itself.
 */
export interface EnumSynonyms<T extends string> {
  /** What one value is, for reasons: "an appeal type". */
  readonly what: string;
  /** Each id with its synonyms (the id itself is always accepted). */
  readonly synonyms: Readonly<Record<T, readonly string[]>>;
}

type EnumValue<E extends { enumValues: readonly string[] }> = E["enumValues"][number];

/** 诉求类型. */
export const APPEAL_TYPE_SYNONYMS: EnumSynonyms<AppealType> = {
  what: "an appeal type",
  synonyms: { complaint: ["投诉"], consultation: ["咨询"], suggestion: ["建议"], praise: ["表扬"] },
};

/** 指标方向: higher (正向) is better, or lower (反向) is better. */
export const DIRECTION_SYNONYMS: EnumSynonyms<EnumValue<typeof indicatorDirection>> = {
  what: "an indicator direction",
  synonyms: { higher: ["正向"], lower: ["反向"] },
};

/** 层级 of a region. */
export const REGION_LEVEL_SYNONYMS: EnumSynonyms<EnumValue<typeof regionLevel>> = {
  what: "a region level",
  synonyms: { province: ["省", "省级"], city: ["市", "市级"], county: ["县", "县级"] },
};

/** 评价对象 of a rating. */
export const RATING_TARGET_SYNONYMS: EnumSynonyms<EnumValue<typeof ratingTarget>> = {
  what: "a rating target",
  synonyms: { service: ["事项"], project: ["项目"] },
};

/** 项目阶段: the lifecycle stages of an e-government project, in order. */
export const LIFECYCLE_STAGE_SYNONYMS: EnumSynonyms<LifecycleStage> = {
  what: "a lifecycle stage",
  synonyms: {
    proposal: ["项目建议"],
    feasibility: ["可行性研究", "feasibility study"],
    approval: ["立项审批"],
    procurement: ["招标采购"],
    construction: ["建设实施"],
    trial_operation: ["试运行", "trial operation"],
    acceptance: ["竣工验收"],
    operation: ["运行维护"],
    post_evaluation: ["后评价", "post evaluation"],
    retired: ["退役"],
  },
};

/** 资金来源. */
export const FUNDING_SOURCE_SYNONYMS: EnumSynonyms<(typeof FUNDING_SOURCES)[number]> = {
  what: "a funding source",
  synonyms: {
    fiscal: ["财政资金", "财政"],
    special_fund: ["专项资金", "special fund"],
    private_partner: ["社会资本", "private partner"],
  },
};

/** 支出类别 of a budget line. */
export const COST_CATEGORY_SYNONYMS: EnumSynonyms<(typeof COST_CATEGORIES)[number]> = {
  what: "a cost category",
  synonyms: {
    hardware: ["硬件"],
    software: ["软件"],
    services: ["服务"],
    operation_maintenance: ["运维", "operation and maintenance", "O&M"],
    security: ["安全"],
    training: ["培训"],
  },
};

/** The matching key of a cell or synonym: folded, lower case, no white space, `_` or `-`. */
export function enumKey(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s_-]+/gu, "");
}

const lookups = new WeakMap<EnumSynonyms<string>, ReadonlyMap<string, string>>();

function lookup<T extends string>(table: EnumSynonyms<T>): ReadonlyMap<string, T> {
  let map = lookups.get(table);
  if (map === undefined) {
    const built = new Map<string, string>();
    for (const [id, synonyms] of Object.entries<readonly string[]>(table.synonyms)) {
      for (const word of [id, ...synonyms]) built.set(enumKey(word), id);
    }
    map = built;
    lookups.set(table, map);
  }
  return map as ReadonlyMap<string, T>;
}

/** "an appeal type: complaint (投诉), consultation (咨询), …". */
export function expectedEnum<T extends string>(table: EnumSynonyms<T>): string {
  const choices = Object.entries<readonly string[]>(table.synonyms).map(([id, synonyms]) => {
    const chinese = synonyms.filter((word) => /\p{Script=Han}/u.test(word));
    return chinese.length === 0 ? id : `${id} (${chinese.join(", ")})`;
  });
  return `expected ${table.what}: ${choices.slice(0, -1).join(", ")} or ${choices.at(-1) ?? ""}`;
}

/** The id a cell names, or a reason listing the choices. */
export function parseEnum<T extends string>(text: string, table: EnumSynonyms<T>): ParseResult<T> {
  const id = lookup(table).get(enumKey(text));
  return id === undefined ? failure(expectedEnum(table)) : parsed(id);
}
