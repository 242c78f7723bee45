/** Messages of the leader's round pages (/evaluation/rounds…) and the deadline reminders. */
export const rounds = {
  "rounds.title": { zh: "评价轮次", en: "Evaluation rounds" },
  "rounds.link": { zh: "管理评价轮次", en: "Manage evaluation rounds" },
  "rounds.back": { zh: "← 评价轮次", en: "← Evaluation rounds" },
  "rounds.new": { zh: "新建评价轮次", en: "New round" },
  "rounds.empty": { zh: "尚无评价轮次。", en: "No rounds yet." },
  "rounds.caption": {
    zh: "各评价轮次的状态、期间、截止日期与进度",
    en: "Each round's state, period, deadline and progress",
  },
  "rounds.column.code": { zh: "编码", en: "Code" },
  "rounds.column.name": { zh: "名称", en: "Name" },
  "rounds.column.state": { zh: "状态", en: "State" },
  "rounds.column.framework": { zh: "评价框架（版本）", en: "Framework (version)" },
  "rounds.column.period": { zh: "评价期间", en: "Period" },
  "rounds.column.deadline": { zh: "截止日期", en: "Deadline" },
  "rounds.column.projects": { zh: "项目数", en: "Projects" },
  "rounds.column.progress": { zh: "已提交", en: "Submitted" },
  "rounds.column.conflicts": { zh: "利益冲突", en: "Conflicts" },
  "rounds.progress": {
    zh: "{submitted} / {active} 份",
    en: "{submitted} of {active}",
  },
  "rounds.noDeadline": { zh: "未设定", en: "Not set" },
  "rounds.framework": { zh: "{code} 第{version}版", en: "{code} v{version}" },
  "rounds.conflictCount": { zh: "{n} 项冲突", en: "{n} declared" },

  "rounds.field.code": { zh: "编码", en: "Code" },
  "rounds.field.codeHint": {
    zh: "轮次的网址，创建后不可更改：1–64 个字母、数字、“-”“_”或“.”，如 R2027。",
    en: "The round's address, fixed once created: 1–64 letters, digits, “-”, “_” or “.”, e.g. R2027.",
  },
  "rounds.field.name": { zh: "名称", en: "Name" },
  "rounds.field.framework": {
    zh: "评价框架（仅已发布版本）",
    en: "Framework (published versions only)",
  },
  "rounds.field.chooseFramework": { zh: "请选择评价框架版本", en: "Choose a framework version" },
  "rounds.field.periodStart": { zh: "评价期间开始日期", en: "Period starts" },
  "rounds.field.periodEnd": { zh: "评价期间结束日期", en: "Period ends" },
  "rounds.field.deadline": { zh: "评分截止日期", en: "Deadline for scores" },
  "rounds.field.deadlineHint": {
    zh: "评价人可提交评分的最后一天（按本地日期），评价人会在截止前 3 天起收到提醒。",
    en: "The last day evaluators may submit (local date); they are reminded from 3 days before.",
  },
  "rounds.field.threshold": { zh: "分歧阈值（分）", en: "Disagreement threshold (points)" },
  "rounds.field.thresholdHint": {
    zh: "同一项目同一指标的评分极差超过此值时，在评审复核中标记。",
    en: "Scores of one criterion on one project ranging more than this are flagged in moderation.",
  },
  "rounds.field.projects": { zh: "评价项目", en: "Projects" },
  "rounds.field.projectsHint": {
    zh: "可稍后在轮次页面增减（仅筹备阶段）。",
    en: "You can add or remove projects on the round's page while it is planned.",
  },
  "rounds.create.submit": { zh: "创建轮次", en: "Create round" },
  "rounds.edit.heading": { zh: "修改评价轮次 {code}", en: "Edit round {code}" },
  "rounds.edit.link": { zh: "修改轮次设置", en: "Edit the round's settings" },
  "rounds.edit.submit": { zh: "保存修改", en: "Save changes" },

  "rounds.error.code": {
    zh: "编码“{value}”无效：需为 1–64 个字母、数字、“-”“_”或“.”，且不能为 new。",
    en: "Code “{value}” is not valid: use 1–64 letters, digits, “-”, “_” or “.”, and not “new”.",
  },
  "rounds.error.name": {
    zh: "请填写名称（最多 200 字）。",
    en: "Enter a name (at most 200 characters).",
  },
  "rounds.error.framework": {
    zh: "请选择一个已发布的评价框架版本。",
    en: "Choose a published framework version.",
  },
  "rounds.error.date": {
    zh: "{field}“{value}”不是有效日期，请按 2026-01-31 的格式填写。",
    en: "{field} “{value}” is not a date: write it as 2026-01-31.",
  },
  "rounds.error.periodOrder": {
    zh: "评价期间结束日期（{end}）不能早于开始日期（{start}）。",
    en: "The period's end ({end}) cannot be before its start ({start}).",
  },
  "rounds.error.threshold": {
    zh: "分歧阈值“{value}”无效：请填写大于 0 的数，最多两位小数，如 20。",
    en: "Disagreement threshold “{value}” is not valid: enter a number above 0 with at most two decimals, e.g. 20.",
  },
  "rounds.error.projects": {
    zh: "所选项目无效，请重新选择。",
    en: "A chosen project is not valid; choose again.",
  },
  "rounds.error.evaluator": { zh: "请选择评价人。", en: "Choose an evaluator." },
  "rounds.error.project": { zh: "请选择项目。", en: "Choose a project." },
  "rounds.error.intent": { zh: "无法识别的操作。", en: "That action is not known." },

  "rounds.refusal.not_found": { zh: "找不到该评价轮次。", en: "There is no such round." },
  "rounds.refusal.code_taken": {
    zh: "编码已被其他轮次使用，请换一个。",
    en: "Another round has this code; choose another.",
  },
  "rounds.refusal.framework_not_published": {
    zh: "只能使用已发布的评价框架版本。",
    en: "A round can only use a published framework version.",
  },
  "rounds.refusal.unknown_project": {
    zh: "所选项目不存在。",
    en: "The chosen project does not exist.",
  },
  "rounds.refusal.not_planning": {
    zh: "轮次已开启，只有筹备中的轮次可以修改设置或增减项目。",
    en: "The round is no longer planned: only a planned round's settings and projects can change.",
  },
  "rounds.refusal.no_projects": {
    zh: "无法开启：轮次还没有项目，请先添加项目。",
    en: "Cannot open: the round has no project yet. Add one first.",
  },
  "rounds.refusal.no_assignments": {
    zh: "无法开启：还没有分派任何评价人，请先为项目分派评价人。",
    en: "Cannot open: no evaluator is assigned yet. Assign one to a project first.",
  },
  "rounds.refusal.deadline_passed": {
    zh: "无法开启：截止日期已过，请先修改截止日期。",
    en: "Cannot open: the deadline has passed. Change the deadline first.",
  },
  "rounds.refusal.project_in_round": {
    zh: "该项目已在本轮次中。",
    en: "The project is already in the round.",
  },
  "rounds.refusal.project_not_in_round": {
    zh: "该项目不在本轮次中。",
    en: "The project is not in this round.",
  },
  "rounds.refusal.not_evaluator": {
    zh: "所选用户不是有效的评价人（需为评价人角色且未停用）。",
    en: "The chosen user is not an active evaluator.",
  },
  "rounds.refusal.already_assigned": {
    zh: "该评价人已分派到此项目。",
    en: "This evaluator is already assigned to the project.",
  },
  "rounds.refusal.conflict_declared": {
    zh: "该评价人已就此项目申报利益冲突，不能再分派，请另选评价人。",
    en: "This evaluator declared a conflict on the project and cannot be assigned to it; choose another.",
  },
  "rounds.refusal.round_not_assignable": {
    zh: "轮次已进入复核或已结束，不能再调整分派。",
    en: "The round is in moderation or closed: assignments no longer change.",
  },
  "rounds.refusal.assignment_not_found": {
    zh: "本轮次中没有该分派。",
    en: "There is no such assignment in this round.",
  },
  "rounds.refusal.assignment_submitted": {
    zh: "评价人已提交评分，该分派不能移除。",
    en: "The evaluator has submitted scores: the assignment cannot be removed.",
  },
  "rounds.refusal.assignment_withdrawn": {
    zh: "已申报利益冲突的分派作为记录保留，不能移除。",
    en: "An assignment with a declared conflict stays on record and cannot be removed.",
  },

  "rounds.notice.created": { zh: "已创建评价轮次。", en: "The round is created." },
  "rounds.notice.updated": { zh: "已保存轮次设置。", en: "The round's settings are saved." },
  "rounds.notice.opened": {
    zh: "轮次已开启，评价人现在可以看到各自的任务。",
    en: "The round is open: evaluators now see their assignments.",
  },
  "rounds.notice.assigned": { zh: "已分派评价人。", en: "The evaluator is assigned." },
  "rounds.notice.unassigned": { zh: "已移除分派。", en: "The assignment is removed." },
  "rounds.notice.projectAdded": { zh: "已添加项目。", en: "The project is added." },
  "rounds.notice.projectRemoved": { zh: "已移除项目。", en: "The project is removed." },

  "rounds.page.state": { zh: "状态", en: "State" },
  "rounds.page.framework": { zh: "评价框架", en: "Framework" },
  "rounds.page.period": { zh: "评价期间", en: "Period" },
  "rounds.page.periodRange": { zh: "{from} 至 {to}", en: "{from} – {to}" },
  "rounds.page.deadline": { zh: "截止日期", en: "Deadline" },
  "rounds.page.threshold": { zh: "分歧阈值", en: "Disagreement threshold" },
  "rounds.page.progress": { zh: "进度", en: "Progress" },
  "rounds.page.progressSummary": {
    zh: "{assignments} 份分派：{submitted} 份已提交，{declared} 份已声明无冲突，{pending} 份待声明，{conflicts} 份申报冲突；已评 {scored} / {total} 项指标。",
    en: "{assignments} assignments: {submitted} submitted, {declared} declared no conflict, {pending} awaiting the declaration, {conflicts} withdrawn with a conflict; {scored} of {total} criteria scored.",
  },
  "rounds.page.overdueCount": {
    zh: "{n} 份分派已逾期未提交。",
    en: "{n} assignments are overdue and not submitted.",
  },
  "rounds.page.moderation": { zh: "评审复核", en: "Moderation" },
  "rounds.open.heading": { zh: "开启轮次", en: "Open the round" },
  "rounds.open.hint": {
    zh: "开启后评价人即可看到任务；项目与设置将不能再修改，分派仍可调整。",
    en: "Once open, evaluators see their assignments; projects and settings no longer change, assignments still may.",
  },
  "rounds.open.submit": { zh: "开启轮次", en: "Open round" },

  "rounds.projects.heading": { zh: "项目与评价人", en: "Projects and evaluators" },
  "rounds.projects.caption": {
    zh: "{project} 的评价人、利益冲突声明与评分进度",
    en: "Evaluators of {project}: declaration and progress",
  },
  "rounds.projects.empty": { zh: "本轮次还没有项目。", en: "The round has no projects yet." },
  "rounds.projects.noAssignments": { zh: "尚未分派评价人。", en: "No evaluator assigned yet." },
  "rounds.projects.add": { zh: "添加项目", en: "Add a project" },
  "rounds.projects.chooseProject": { zh: "请选择项目", en: "Choose a project" },
  "rounds.projects.addSubmit": { zh: "添加", en: "Add" },
  "rounds.projects.remove": { zh: "从轮次中移除 {project}", en: "Remove {project} from the round" },
  "rounds.column.evaluator": { zh: "评价人", en: "Evaluator" },
  "rounds.column.declaration": { zh: "利益冲突声明", en: "Declaration" },
  "rounds.column.criteria": { zh: "评分进度", en: "Criteria scored" },
  "rounds.column.submitted": { zh: "提交", en: "Submitted" },
  "rounds.column.actions": { zh: "操作", en: "Actions" },
  "rounds.declaration.pending": { zh: "待声明", en: "Not declared yet" },
  "rounds.declaration.no_conflict": { zh: "无利益冲突", en: "No conflict" },
  "rounds.declaration.conflict": { zh: "申报利益冲突：{statement}", en: "Conflict: {statement}" },
  "rounds.criteria": { zh: "{n} / {m}", en: "{n} of {m}" },
  "rounds.submitted.yes": { zh: "已提交", en: "Submitted" },
  "rounds.submitted.no": { zh: "未提交", en: "Not submitted" },
  "rounds.overdue": { zh: "逾期", en: "Overdue" },
  "rounds.assign.label": { zh: "为 {project} 分派评价人", en: "Assign an evaluator to {project}" },
  "rounds.assign.choose": { zh: "请选择评价人", en: "Choose an evaluator" },
  "rounds.assign.submit": { zh: "分派", en: "Assign" },
  "rounds.assign.none": {
    zh: "没有可分派的评价人。",
    en: "No other evaluator is available.",
  },
  "rounds.unassign.submit": { zh: "移除 {evaluator}", en: "Remove {evaluator}" },

  "rounds.conflicts.heading": {
    zh: "利益冲突：需要另行分派",
    en: "Conflicts: another evaluator needed",
  },
  "rounds.conflicts.item": {
    zh: "{evaluator} 就 {project} 申报利益冲突：“{statement}”。该项目需要另一位评价人（现有 {n} 位未申报冲突）。",
    en: "{evaluator} declared a conflict on {project}: “{statement}”. The project needs another evaluator ({n} without a conflict now).",
  },
  "rounds.conflicts.link": { zh: "前往轮次 {round}", en: "Go to round {round}" },

  "rounds.deadline.due": { zh: "{n} 天后截止", en: "due in {n} days" },
  "rounds.deadline.due1": { zh: "1 天后截止", en: "due in 1 day" },
  "rounds.deadline.today": { zh: "今天截止", en: "due today" },
  "rounds.deadline.overdue": { zh: "已逾期 {n} 天", en: "overdue by {n} days" },
  "rounds.deadline.overdue1": { zh: "已逾期 1 天", en: "overdue by 1 day" },
  "rounds.reminder.heading": { zh: "评分截止提醒", en: "Deadlines" },
  "rounds.reminder.item": {
    zh: "{project}（{round}）：{status}（截止日期 {date}）",
    en: "{project} ({round}): {status} (deadline {date})",
  },
} as const satisfies Record<string, { zh: string; en: string }>;
