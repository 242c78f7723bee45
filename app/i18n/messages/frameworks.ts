/** Messages of the framework editor (/admin/frameworks…) and the rubric's justification rule. */
export const frameworks = {
  "admin.home.title": { zh: "系统管理", en: "Administration" },
  "admin.home.users": { zh: "用户与角色", en: "Users and roles" },
  "admin.home.frameworks": { zh: "评价框架", en: "Evaluation frameworks" },
  "admin.home.audit": { zh: "审计日志", en: "Audit log" },

  "frameworks.title": { zh: "评价框架", en: "Evaluation frameworks" },
  "frameworks.back": { zh: "← 评价框架", en: "← Frameworks" },
  "frameworks.intro": {
    zh: "评价框架由维度和指标组成，每一层的权重之和为 1。已发布的版本不可修改；修改请新建版本。",
    en: "A framework is a tree of dimensions and criteria whose weights sum to 1 on each level. A published version is never edited: make a new version instead.",
  },
  "frameworks.caption": {
    zh: "全部框架及其版本（{count}）",
    en: "Frameworks and their versions ({count})",
  },
  "frameworks.empty": { zh: "尚无评价框架。", en: "No framework yet." },
  "frameworks.column.code": { zh: "编码", en: "Code" },
  "frameworks.column.version": { zh: "版本", en: "Version" },
  "frameworks.column.name": { zh: "名称", en: "Name" },
  "frameworks.column.state": { zh: "状态", en: "State" },
  "frameworks.column.created": { zh: "创建时间", en: "Created" },
  "frameworks.column.published": { zh: "发布时间", en: "Published" },
  "frameworks.column.rounds": { zh: "使用轮次", en: "Used by rounds" },
  "frameworks.state.draft": { zh: "草稿", en: "Draft" },
  "frameworks.state.published": { zh: "已发布", en: "Published" },
  "frameworks.versionLabel": { zh: "第 {version} 版", en: "version {version}" },
  "frameworks.new.heading": { zh: "新建框架", en: "New framework" },
  "frameworks.new.codeHint": {
    zh: "1–64 个字母、数字或 - _ .，如 MJ-EGOV",
    en: "1–64 letters, digits, '-', '_' or '.', e.g. MJ-EGOV",
  },
  "frameworks.new.submit": { zh: "创建草稿（第 1 版）", en: "Create draft (version 1)" },
  "frameworks.field.code": { zh: "编码", en: "Code" },
  "frameworks.field.name": { zh: "名称", en: "Name" },
  "frameworks.field.description": { zh: "说明（选填）", en: "Description (optional)" },
  "frameworks.import.heading": { zh: "导入 JSON", en: "Import JSON" },
  "frameworks.import.hint": {
    zh: "导出的 JSON 文件（格式 mingjing-framework/1）。新编码创建第 1 版草稿，已有编码创建下一版本草稿。",
    en: "A JSON file as exported (format mingjing-framework/1). A new code makes draft version 1; an existing code its next version.",
  },
  "frameworks.import.file": { zh: "JSON 文件", en: "JSON file" },
  "frameworks.import.submit": { zh: "导入为草稿", en: "Import as a draft" },
  "frameworks.import.noFile": { zh: "请选择一个 JSON 文件。", en: "Choose a JSON file." },
  "frameworks.import.tooLarge": {
    zh: "文件过大（最多 {max} KB）。",
    en: "The file is too large (at most {max} KB).",
  },
  "frameworks.import.notUtf8": {
    zh: "文件不是 UTF-8 编码的文本。",
    en: "The file is not UTF-8 text.",
  },
  "frameworks.import.error": {
    zh: "{path}：{message}（值：{value}）",
    en: "{path}: {message} (value: {value})",
  },
  "frameworks.notice.created": { zh: "草稿已创建。", en: "The draft was created." },
  "frameworks.notice.imported": {
    zh: "已导入为第 {version} 版草稿。",
    en: "Imported as draft version {version}.",
  },
  "frameworks.notice.saved": { zh: "已保存。", en: "Saved." },
  "frameworks.notice.published": { zh: "该版本已发布。", en: "This version is published." },
  "frameworks.notice.versionCreated": {
    zh: "已新建版本草稿，内容复制自最新版本。",
    en: "A new draft version was made, copied from the latest version.",
  },

  "frameworks.version.heading": {
    zh: "{name}（{code} 第 {version} 版）",
    en: "{name} ({code}, version {version})",
  },
  "frameworks.version.state": { zh: "状态", en: "State" },
  "frameworks.version.publishedAt": { zh: "已于 {when} 发布", en: "Published {when}" },
  "frameworks.version.draftSince": { zh: "草稿，创建于 {when}", en: "Draft, created {when}" },
  "frameworks.version.rounds": { zh: "使用该版本的评价轮次", en: "Rounds using this version" },
  "frameworks.version.others": { zh: "其他版本", en: "Other versions" },
  "frameworks.version.export": { zh: "导出 JSON", en: "Export JSON" },
  "frameworks.version.readOnly": {
    zh: "已发布的版本不可修改。需要修改时，请新建版本（复制最新版本为草稿）。",
    en: "A published version is never edited. To change it, make a new version (a draft copy of the latest version).",
  },
  "frameworks.version.newVersion": { zh: "新建版本", en: "New version" },
  "frameworks.version.publish": { zh: "发布该版本", en: "Publish this version" },
  "frameworks.version.publishHint": {
    zh: "发布后不可再修改。",
    en: "Once published, the version can no longer be edited.",
  },
  "frameworks.version.valid": {
    zh: "校验通过：可以发布。",
    en: "No problems found: this version can be published.",
  },
  "frameworks.version.issues": {
    zh: "发布前需解决的问题（{count}）",
    en: "To fix before publishing ({count})",
  },
  "frameworks.version.headerHeading": { zh: "名称与说明", en: "Name and description" },
  "frameworks.version.saveHeader": { zh: "保存名称与说明", en: "Save name and description" },

  "frameworks.tree.caption": {
    zh: "维度与指标（权重为在本层中的占比；路径权重为在项目总分中的占比）",
    en: "Dimensions and criteria (weight: share of its level; path weight: share of the project score)",
  },
  "frameworks.tree.empty": { zh: "尚无维度或指标。", en: "No dimension or criterion yet." },
  "frameworks.tree.node": { zh: "维度 / 指标", en: "Dimension / criterion" },
  "frameworks.tree.kind": { zh: "类型", en: "Kind" },
  "frameworks.tree.weight": { zh: "权重", en: "Weight" },
  "frameworks.tree.pathWeight": { zh: "路径权重", en: "Path weight" },
  "frameworks.tree.range": { zh: "分值范围", en: "Range" },
  "frameworks.tree.thresholds": { zh: "需说明理由", en: "Justification needed" },
  "frameworks.tree.levels": { zh: "评分标准", en: "Rubric levels" },
  "frameworks.tree.actions": { zh: "操作", en: "Actions" },
  "frameworks.tree.levelSum": {
    zh: "本层权重合计 {sum}",
    en: "Level total {sum}",
  },
  "frameworks.kind.dimension": { zh: "维度", en: "Dimension" },
  "frameworks.kind.criterion": { zh: "指标", en: "Criterion" },
  "frameworks.kind.evaluator": { zh: "指标 · 专家评分", en: "Criterion · scored" },
  "frameworks.kind.kpi": { zh: "指标 · 绑定 KPI {kpi}", en: "Criterion · KPI {kpi}" },
  "frameworks.thresholds.below": { zh: "低于 {value}", en: "below {value}" },
  "frameworks.thresholds.above": { zh: "高于 {value}", en: "above {value}" },
  "frameworks.thresholds.or": { zh: "或", en: "or" },
  "frameworks.levels.count": { zh: "{count} 级", en: "{count} levels" },
  "frameworks.action.editShort": { zh: "编辑", en: "Edit" },
  "frameworks.action.edit": { zh: "编辑 {code}", en: "Edit {code}" },
  "frameworks.action.up": { zh: "上移 {code}", en: "Move {code} up" },
  "frameworks.action.down": { zh: "下移 {code}", en: "Move {code} down" },
  "frameworks.action.remove": { zh: "删除 {code}", en: "Remove {code}" },
  "frameworks.action.removeLevel": { zh: "删除等级 {label}", en: "Remove level {label}" },

  "frameworks.node.addHeading": { zh: "添加维度或指标", en: "Add a dimension or criterion" },
  "frameworks.node.editHeading": { zh: "编辑 {code} {name}", en: "Edit {code} {name}" },
  "frameworks.node.kind": { zh: "类型", en: "Kind" },
  "frameworks.node.parent": { zh: "上级维度", en: "Parent dimension" },
  "frameworks.node.topLevel": { zh: "（顶层）", en: "(top level)" },
  "frameworks.node.weight": {
    zh: "权重（0–1，最多 6 位小数）",
    en: "Weight (0–1, up to 6 decimals)",
  },
  "frameworks.node.scoring": { zh: "计分方式（指标）", en: "Scoring (criteria)" },
  "frameworks.node.scoring.evaluator": { zh: "专家评分", en: "Scored by evaluators" },
  "frameworks.node.scoring.kpi": { zh: "绑定计算的 KPI", en: "Bound to a computed KPI" },
  "frameworks.node.kpiKey": { zh: "KPI（绑定 KPI 的指标）", en: "KPI (KPI-bound criteria)" },
  "frameworks.node.noKpi": { zh: "（无）", en: "(none)" },
  "frameworks.node.min": { zh: "范围下限", en: "Range minimum" },
  "frameworks.node.max": { zh: "范围上限", en: "Range maximum" },
  "frameworks.node.rangeHint": {
    zh: "专家评分的分值范围；绑定 KPI 时为记 0 分和 100 分的 KPI 值。",
    en: "An evaluator's score range; for a KPI, the KPI values that count as 0 and 100.",
  },
  "frameworks.node.justifyBelow": {
    zh: "低于此分需说明理由（选填）",
    en: "Scores below this need a justification (optional)",
  },
  "frameworks.node.justifyAbove": {
    zh: "高于此分需说明理由（选填）",
    en: "Scores above this need a justification (optional)",
  },
  "frameworks.node.add": { zh: "添加", en: "Add" },
  "frameworks.node.save": { zh: "保存", en: "Save" },
  "frameworks.node.cancel": { zh: "取消编辑", en: "Stop editing" },
  "frameworks.level.heading": { zh: "{code} 的评分标准", en: "Rubric levels of {code}" },
  "frameworks.level.label": { zh: "等级名称", en: "Level" },
  "frameworks.level.min": { zh: "下限", en: "From" },
  "frameworks.level.max": { zh: "上限", en: "To" },
  "frameworks.level.description": { zh: "说明", en: "Description" },
  "frameworks.level.add": { zh: "添加等级", en: "Add level" },
  "frameworks.level.none": { zh: "尚无评分标准。", en: "No rubric level yet." },

  "frameworks.error.required": { zh: "请填写{field}。", en: "Enter the {field}." },
  "frameworks.error.code": {
    zh: "编码“{value}”无效：须为 1–64 个字母、数字或 - _ .",
    en: "The code “{value}” is not valid: use 1–64 letters, digits, '-', '_' or '.'",
  },
  "frameworks.error.decimal": {
    zh: "{field}“{value}”不是数字。",
    en: "The {field} “{value}” is not a number.",
  },
  "frameworks.error.tooLong": {
    zh: "{field}过长（最多 {max} 字）。",
    en: "The {field} is too long (at most {max} characters).",
  },
  "frameworks.error.choice": { zh: "请选择{field}。", en: "Choose the {field}." },
  "frameworks.error.notFound": {
    zh: "该项已不存在，请刷新页面。",
    en: "That item no longer exists: reload the page.",
  },
  "frameworks.error.published": {
    zh: "该版本已发布，不可修改。请新建版本。",
    en: "This version is published and cannot be edited: make a new version.",
  },
  "frameworks.error.codeTaken": {
    zh: "编码 {code} 已被使用。",
    en: "The code {code} is already used.",
  },
  "frameworks.error.draftExists": {
    zh: "该框架已有草稿版本，请先发布或编辑该草稿。",
    en: "This framework already has a draft version: publish or edit that draft first.",
  },
  "frameworks.error.nodeCodeTaken": {
    zh: "本版本中已有编码为 {code} 的维度或指标。",
    en: "This version already has a dimension or criterion with the code {code}.",
  },
  "frameworks.error.badParent": {
    zh: "上级须为本版本中的一个维度。",
    en: "The parent must be a dimension of this version.",
  },
  "frameworks.error.labelTaken": {
    zh: "该指标已有名为“{label}”的等级。",
    en: "The criterion already has a level named “{label}”.",
  },
  "frameworks.error.invalid": {
    zh: "无法发布：请先解决下列问题。",
    en: "Not published: fix the problems listed first.",
  },
  "frameworks.error.unknownIntent": {
    zh: "无法识别的操作，请刷新页面后重试。",
    en: "Unknown action: reload the page and try again.",
  },

  "frameworks.issue.empty_framework": {
    zh: "框架中没有任何维度或指标。",
    en: "The framework has no dimension or criterion.",
  },
  "frameworks.issue.weight_sum": {
    zh: "{level}的权重之和为 {sum}，应为 1。",
    en: "The weights of {level} sum to {sum}, not 1.",
  },
  "frameworks.issue.level.top": { zh: "顶层", en: "the top level" },
  "frameworks.issue.level.children": {
    zh: "{code} {name} 的下级",
    en: "the children of {code} {name}",
  },
  "frameworks.issue.weight_range": {
    zh: "{node}：权重 {weight} 不在 0 到 1 之间。",
    en: "{node}: the weight {weight} is not between 0 and 1.",
  },
  "frameworks.issue.duplicate_code": {
    zh: "{node}：编码重复。",
    en: "{node}: the code is used twice in this version.",
  },
  "frameworks.issue.unknown_parent": {
    zh: "{node}：上级 {parent} 不存在。",
    en: "{node}: its parent {parent} does not exist.",
  },
  "frameworks.issue.parent_cycle": {
    zh: "{node}：上级关系形成循环。",
    en: "{node}: its parents lead back to itself.",
  },
  "frameworks.issue.empty_dimension": {
    zh: "{node}：维度下至少需要一个指标或子维度。",
    en: "{node}: a dimension needs at least one criterion or dimension below it.",
  },
  "frameworks.issue.criterion_has_children": {
    zh: "{node}：指标下不能再有下级。",
    en: "{node}: a criterion cannot have anything below it.",
  },
  "frameworks.issue.score_range": {
    zh: "{node}：分值范围 {min}–{max} 无效，下限须小于上限。",
    en: "{node}: the range {min}–{max} is not valid: the minimum must be below the maximum.",
  },
  "frameworks.issue.justify_outside": {
    zh: "{node}：理由阈值 {value} 不在分值范围 {min}–{max} 内。",
    en: "{node}: the justification threshold {value} is outside the range {min}–{max}.",
  },
  "frameworks.issue.justify_order": {
    zh: "{node}：“低于”阈值 {below} 大于“高于”阈值 {above}。",
    en: "{node}: the “below” threshold {below} is above the “above” threshold {above}.",
  },
  "frameworks.issue.justify_on_kpi": {
    zh: "{node}：绑定 KPI 的指标不由专家评分，不能设理由阈值。",
    en: "{node}: a KPI-bound criterion is not scored by evaluators and takes no justification thresholds.",
  },
  "frameworks.issue.unknown_kpi": {
    zh: "{node}：KPI “{kpi}”未知，可选：{known}。",
    en: "{node}: the KPI “{kpi}” is not known; choose one of {known}.",
  },
  "frameworks.issue.level_outside": {
    zh: "{node}：等级“{label}”（{levelMin}–{levelMax}）超出分值范围 {min}–{max}。",
    en: "{node}: the level “{label}” ({levelMin}–{levelMax}) is outside the range {min}–{max}.",
  },
  "frameworks.issue.level_order": {
    zh: "{node}：等级“{label}”的下限 {levelMin} 大于上限 {levelMax}。",
    en: "{node}: the level “{label}” starts at {levelMin}, above its end {levelMax}.",
  },
  "frameworks.issue.level_overlap": {
    zh: "{node}：等级“{label}”与“{other}”的范围重叠。",
    en: "{node}: the levels “{label}” and “{other}” overlap.",
  },

  "evaluation.justify.hint": {
    zh: "低于 {below} 分或高于 {above} 分须填写评分理由。",
    en: "A score below {below} or above {above} needs a justification.",
  },
  "evaluation.justify.hintBelow": {
    zh: "低于 {below} 分须填写评分理由。",
    en: "A score below {below} needs a justification.",
  },
  "evaluation.justify.hintAbove": {
    zh: "高于 {above} 分须填写评分理由。",
    en: "A score above {above} needs a justification.",
  },
  "evaluation.justify.needed": {
    zh: "此分数须填写评分理由，否则无法提交。",
    en: "This score needs a justification before you can submit.",
  },
  "evaluation.error.justificationRequired": {
    zh: "{criterion}：得分 {value} 须填写评分理由（{rule}）。",
    en: "{criterion}: the score {value} needs a justification ({rule}).",
  },
} as const satisfies Record<string, { zh: string; en: string }>;
