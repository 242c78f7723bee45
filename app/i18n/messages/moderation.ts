/**
 * Messages of moderation (/evaluation/rounds/:code/moderation…): the leader's view of a
 * round's scores, returned scores as the evaluator sees them, closing a round, and the
 * stored final scores on the department page.
 */
export const moderation = {
  "moderation.title": { zh: "评审复核：{round}", en: "Moderation: {round}" },
  "moderation.back": { zh: "← 评价", en: "← Evaluation" },
  "moderation.facts.state": { zh: "轮次状态", en: "Round state" },
  "moderation.facts.framework": { zh: "评价框架", en: "Framework" },
  "moderation.facts.period": { zh: "评价期间", en: "Period" },
  "moderation.facts.threshold": { zh: "分歧阈值", en: "Disagreement threshold" },
  "moderation.facts.thresholdValue": {
    zh: "评分极差超过 {value} 分即标记复核",
    en: "scores ranging more than {value} are flagged",
  },
  "moderation.facts.closed": { zh: "结束于", en: "Closed" },
  "moderation.facts.closedBy": { zh: "{date}，由 {name} 结束", en: "{date} by {name}" },
  "moderation.notice.started": {
    zh: "已开始复核：评价人不能再提交新的评分，仅可修改退回的评分。",
    en: "Moderation started: evaluators can no longer submit, except scores returned to them.",
  },
  "moderation.notice.returned": {
    zh: "已退回该评分，评价人修改后重新提交。",
    en: "The score is returned; its evaluator revises and resubmits it.",
  },
  "moderation.notice.closed": {
    zh: "本轮次已结束，最终得分已保存（{count} 个项目）。",
    en: "The round is closed and its final scores are stored ({count} projects).",
  },
  "moderation.notice.closedPlain": {
    zh: "本轮次已结束，以下为保存的最终得分。",
    en: "The round is closed; the final scores below are the stored ones.",
  },
  "moderation.notice.open": {
    zh: "本轮次仍在评分中：下表仅含已提交的评分，评价人仍可提交。",
    en: "The round is still open: the tables hold the scores submitted so far, and evaluators may still submit.",
  },
  "moderation.start.heading": { zh: "开始复核", en: "Start moderation" },
  "moderation.start.hint": {
    zh: "开始复核后，评价人不能再提交评分；尚未提交的评价不计入结果。您可以退回个别评分请评价人修改。",
    en: "Once moderation starts, evaluators can no longer submit; assessments not submitted by then do not count. You can return single scores to their evaluators for revision.",
  },
  "moderation.start.submit": { zh: "开始复核", en: "Start moderation" },
  "moderation.close.link": { zh: "结束本轮次…", en: "Close the round…" },
  "moderation.summary.heading": { zh: "评分分歧", en: "Disagreements" },
  "moderation.summary.flagged": {
    zh: "{flagged} / {pairs} 个“项目—指标”组合的评分极差超过阈值 {threshold}。",
    en: "{flagged} of {pairs} project–criterion pairs range more than the threshold of {threshold}.",
  },
  "moderation.summary.pending": {
    zh: "{count} 个退回的评分待评价人重新提交。",
    en: "{count} returned scores await their evaluators' resubmission.",
  },
  "moderation.filter.legend": { zh: "筛选", en: "Filter" },
  "moderation.filter.flagged": { zh: "仅显示标记复核的评分", en: "Flagged only" },
  "moderation.filter.apply": { zh: "应用", en: "Apply" },
  "moderation.filter.none": {
    zh: "没有评分极差超过阈值的组合。",
    en: "No pair's scores range more than the threshold.",
  },
  "moderation.icc.heading": { zh: "评价人一致性", en: "Agreement between evaluators" },
  "moderation.icc.caption": {
    zh: "各指标的组内相关系数 ICC(2,1)（双向随机、绝对一致、单一评价人），基于所有评价人均已评分的项目",
    en: "ICC(2,1) per criterion (two-way random, absolute agreement, single rater), over the projects scored by every evaluator of the criterion",
  },
  "moderation.icc.criterion": { zh: "指标", en: "Criterion" },
  "moderation.icc.value": { zh: "ICC(2,1)", en: "ICC(2,1)" },
  "moderation.icc.noData": {
    zh: "无数据（少于 2 个项目或 2 位评价人）",
    en: "no data (fewer than 2 projects or 2 evaluators)",
  },
  "moderation.icc.kpi": { zh: "绑定指标，不评分", en: "KPI-bound, not scored" },
  "moderation.projects.heading": { zh: "各项目评分", en: "Scores by project" },
  "moderation.project.caption": {
    zh: "{project}（{code}）· {department}",
    en: "{project} ({code}) · {department}",
  },
  "moderation.project.finalScore": { zh: "最终得分：{score}", en: "Final score: {score}" },
  "moderation.col.criterion": { zh: "指标", en: "Criterion" },
  "moderation.col.scores": { zh: "评分（评价人）", en: "Scores (evaluator)" },
  "moderation.col.mean": { zh: "平均分", en: "Mean" },
  "moderation.col.spread": { zh: "极差", en: "Spread" },
  "moderation.col.flag": { zh: "复核标记", en: "Flag" },
  "moderation.flagged": {
    zh: "⚑ 需复核：极差 {spread} 超过 {threshold}",
    en: "⚑ Flagged: spread {spread} exceeds {threshold}",
  },
  "moderation.notFlagged": { zh: "未标记", en: "Not flagged" },
  "moderation.noScores": { zh: "尚无已提交的评分", en: "No submitted scores yet" },
  "moderation.kpiValue": { zh: "绑定指标 {kpi}：{value}", en: "KPI {kpi}: {value}" },
  "moderation.returnedMark": {
    zh: "已退回，待重新提交：{comment}",
    en: "returned, awaiting resubmission: {comment}",
  },
  "moderation.returnLink": { zh: "退回", en: "Return" },
  "moderation.returnLinkLabel": {
    zh: "退回 {evaluator} 对 {project} 的 {criterion} 评分",
    en: "Return {evaluator}'s score on {criterion} of {project}",
  },
  "moderation.return.heading": { zh: "退回评分", en: "Return a score" },
  "moderation.return.what": {
    zh: "{project} · {criterion} · {evaluator}：{value} 分",
    en: "{project} · {criterion} · {evaluator}: {value}",
  },
  "moderation.return.comment": { zh: "退回意见", en: "Comment for the evaluator" },
  "moderation.return.commentHint": {
    zh: "必填：说明需要评价人重新考虑的内容。评价人只能修改被退回的指标。",
    en: "Required: what the evaluator should reconsider. The evaluator can change only the criteria returned.",
  },
  "moderation.return.submit": { zh: "退回评分", en: "Return the score" },
  "moderation.return.cancel": { zh: "取消", en: "Cancel" },
  "moderation.error.comment": {
    zh: "请填写退回意见：评价人需要知道为何退回",
    en: "Enter a comment: the evaluator needs to know why the score is returned",
  },
  "moderation.error.commentLong": {
    zh: "退回意见不能超过 {max} 个字符",
    en: "The comment must be {max} characters or fewer",
  },
  "moderation.error.score": {
    zh: "找不到要退回的评分：请从表格中重新选择",
    en: "The score to return was not found: choose it again from the table",
  },
  "moderation.refusal.not_found": {
    zh: "找不到该评价轮次或评分。",
    en: "This round or score was not found.",
  },
  "moderation.refusal.not_open": {
    zh: "只有评分中的轮次才能开始复核。",
    en: "Only an open round can move to moderation.",
  },
  "moderation.refusal.not_moderation": {
    zh: "该轮次不在复核阶段。",
    en: "This round is not in moderation.",
  },
  "moderation.refusal.not_submitted": {
    zh: "该评分尚未提交，不能退回。",
    en: "This score was never submitted, so it cannot be returned.",
  },
  "moderation.refusal.already_returned": {
    zh: "该评分已退回，正等待评价人重新提交。",
    en: "This score is already returned and awaits its evaluator.",
  },
  "moderation.refusal.returns_pending": {
    zh: "仍有退回的评分待重新提交，不能结束轮次：{list}",
    en: "Returned scores still await resubmission, so the round cannot close: {list}",
  },
  "moderation.pendingItem": {
    zh: "{project} · {criterion} · {evaluator}",
    en: "{project} · {criterion} · {evaluator}",
  },
  "moderation.refusal.criterionLocked": {
    zh: "复核阶段只能修改被退回的指标，其他指标已锁定。",
    en: "In moderation only the returned criteria can change; the others are locked.",
  },
  "moderation.refusal.criterionLockedNamed": {
    zh: "“{criterion}”未被退回，已锁定，不能修改。",
    en: "{criterion} was not returned to you; it is locked and cannot change.",
  },
  "moderation.close.title": { zh: "结束轮次：{round}", en: "Close the round: {round}" },
  "moderation.close.intro": {
    zh: "结束后，系统按本轮评价框架（{framework}）计算并保存每个项目的最终得分：评审打分取已提交分数的平均值，绑定指标的评价项取评价期末（{periodEnd}）的指标值。结束后不能再修改评分。",
    en: "Closing computes and stores each project's final score through the round's framework ({framework}): scored criteria count the mean of the submitted scores, KPI-bound ones the KPI at the end of the period ({periodEnd}). Scores cannot change afterwards.",
  },
  "moderation.close.projects": {
    zh: "将为 {count} 个项目保存最终得分。",
    en: "Final scores will be stored for {count} projects.",
  },
  "moderation.close.pendingHeading": {
    zh: "待重新提交的退回评分",
    en: "Returned scores awaiting resubmission",
  },
  "moderation.close.pendingIntro": {
    zh: "这些评分重新提交之前不能结束轮次：",
    en: "The round cannot close until these are resubmitted:",
  },
  "moderation.close.uncountedHeading": {
    zh: "不计入结果的评价",
    en: "Assessments that do not count",
  },
  "moderation.close.uncountedIntro": {
    zh: "以下评价未提交，其评分（如有）不计入最终得分：",
    en: "These assessments were never submitted; their scores, if any, do not count:",
  },
  "moderation.close.uncountedNone": {
    zh: "所有评价均已提交。",
    en: "Every assessment was submitted.",
  },
  "moderation.close.reason.not_declared": {
    zh: "{project} · {evaluator}：未声明利益冲突",
    en: "{project} · {evaluator}: no declaration",
  },
  "moderation.close.reason.conflict": {
    zh: "{project} · {evaluator}：已申报利益冲突",
    en: "{project} · {evaluator}: conflict declared",
  },
  "moderation.close.reason.draft": {
    zh: "{project} · {evaluator}：草稿未提交",
    en: "{project} · {evaluator}: draft, not submitted",
  },
  "moderation.close.submit": {
    zh: "结束轮次并保存最终得分",
    en: "Close the round and store the final scores",
  },
  "moderation.close.notInModeration": {
    zh: "只有复核中的轮次才能结束。",
    en: "Only a round in moderation can be closed.",
  },
  "moderation.close.back": { zh: "← 返回评审复核", en: "← Back to moderation" },
  "moderation.state.returned": { zh: "评分被退回，待修改", en: "Returned for revision" },
  "moderation.workspace.returnedIntro": {
    zh: "复核人退回了以下指标的评分，请修改后重新提交。其他指标已锁定。",
    en: "The moderator returned your scores on the criteria below; revise them and submit again. The other criteria are locked.",
  },
  "moderation.workspace.comment": {
    zh: "退回意见：{comment}",
    en: "Moderator's comment: {comment}",
  },
  "moderation.workspace.locked": {
    zh: "已锁定：{value}",
    en: "Locked: {value}",
  },
  "moderation.dept.heading": { zh: "第三方评价最终得分", en: "Final evaluation scores" },
  "moderation.dept.caption": {
    zh: "{round}（{code}）· 评价框架 {framework} 第{version}版",
    en: "{round} ({code}) · framework {framework} v{version}",
  },
  "moderation.dept.note": {
    zh: "本部门项目在最近一个已结束轮次中的最终得分（0–100），为轮次结束时保存的结果。",
    en: "The department's projects' final scores (0–100) in the latest closed round, as stored when it closed.",
  },
  "moderation.dept.none": {
    zh: "本部门的项目尚无已结束轮次的最终得分。",
    en: "No closed round has final scores for this department's projects yet.",
  },
  "moderation.dept.project": { zh: "项目", en: "Project" },
  "moderation.dept.score": { zh: "最终得分", en: "Final score" },
} as const satisfies Record<string, { zh: string; en: string }>;
