/** Messages of the evaluation pages (/evaluation…). */
export const evaluation = {
  "evaluation.title": { zh: "评价", en: "Evaluation" },
  "evaluation.heading.mine": { zh: "我的评价任务", en: "My assignments" },
  "evaluation.heading.all": { zh: "评价任务", en: "Assignments" },
  "evaluation.empty": { zh: "暂无评价任务。", en: "No assignments yet." },
  "evaluation.column.round": { zh: "评价轮次", en: "Round" },
  "evaluation.column.project": { zh: "项目", en: "Project" },
  "evaluation.column.evaluator": { zh: "评价人", en: "Evaluator" },
  "evaluation.column.state": { zh: "状态", en: "State" },
  "evaluation.assignment.back": { zh: "← 评价任务", en: "← Assignments" },
  "evaluation.assignment.period": { zh: "评价期间", en: "Period" },
  "evaluation.assignment.periodRange": { zh: "{from} 至 {to}", en: "{from} – {to}" },
  "evaluation.assignment.conflict": { zh: "利益冲突声明", en: "Conflict of interest" },
  "evaluation.assignment.declared": { zh: "已声明无利益冲突", en: "Declared none" },
  "evaluation.assignment.notDeclared": { zh: "尚未声明", en: "Not declared yet" },
  "evaluation.assignment.rubricSoon": {
    zh: "评分表将在评价工作台中提供。",
    en: "The rubric form comes with the evaluator workspace.",
  },
} as const satisfies Record<string, { zh: string; en: string }>;
