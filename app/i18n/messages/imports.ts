/** Messages of the import pages (/imports…): both languages side by side. */
export const imports = {
  "imports.title": { zh: "数据导入", en: "Imports" },
  "imports.back": { zh: "← 数据导入", en: "← Imports" },
  "imports.columnsLink": { zh: "列说明与模板", en: "Column reference and templates" },
  "imports.listSeparator": { zh: "、", en: ", " },

  "imports.kind.regions": { zh: "行政区划", en: "Regions" },
  "imports.kind.departments": { zh: "部门", en: "Departments" },
  "imports.kind.projects": { zh: "项目", en: "Projects" },
  "imports.kind.budget-lines": { zh: "预算执行", en: "Budget lines" },
  "imports.kind.milestones": { zh: "里程碑", en: "Milestones" },
  "imports.kind.outcome-indicators": { zh: "绩效指标", en: "Outcome indicators" },
  "imports.kind.outcome-values": { zh: "指标实际值", en: "Outcome values" },
  "imports.kind.service-items": { zh: "政务服务事项", en: "Service items" },
  "imports.kind.service-stats": { zh: "办件统计", en: "Service statistics" },
  "imports.kind.appeals": { zh: "诉求工单", en: "Appeals" },
  "imports.kind.ratings": { zh: "评价", en: "Ratings" },
  "imports.kind.calendar": { zh: "工作日历", en: "Calendar" },

  "imports.state.previewed": { zh: "已预览", en: "Previewed" },
  "imports.state.committed": { zh: "已导入", en: "Committed" },
  "imports.state.failed": { zh: "失败", en: "Failed" },
  "imports.state.reverted": { zh: "已撤销", en: "Reverted" },

  // The import list (/imports).
  "imports.list.cancelled": {
    zh: "已取消，上传的文件已删除。",
    en: "The upload was cancelled and its file deleted.",
  },
  "imports.list.upload": { zh: "上传文件", en: "Upload a file" },
  "imports.list.empty": { zh: "还没有导入记录。", en: "No imports yet." },
  "imports.list.when": { zh: "时间", en: "When" },
  "imports.list.kind": { zh: "类型", en: "Kind" },
  "imports.list.file": { zh: "文件", en: "File" },
  "imports.list.department": { zh: "部门", en: "Department" },
  "imports.list.state": { zh: "状态", en: "State" },
  "imports.list.acceptedRejected": { zh: "接受/拒绝", en: "Accepted/rejected" },

  // The upload page (/imports/new) and its form.
  "imports.new.title": { zh: "上传文件", en: "Upload a file" },
  "imports.new.intro": {
    zh: "先预览，再确认导入：上传后会显示列的对应关系、前几行和全部错误，确认前不会保存任何数据。",
    en: "Preview first, then commit: you see the column mapping, the first rows and every error before anything is stored.",
  },
  "imports.new.stewardHint": {
    zh: "作为数据专员，您只能导入本部门的数据。",
    en: "As a data steward you can import your own departments' data only.",
  },
  "imports.form.kind": { zh: "数据类型", en: "Kind of data" },
  "imports.form.kindHintBefore": {
    zh: "每种数据一个文件；各列见",
    en: "One file per kind; see the ",
  },
  "imports.form.kindHintLink": { zh: "列说明", en: "column reference" },
  "imports.form.kindHintAfter": { zh: "。", en: " for each kind's columns." },
  "imports.form.chooseKind": { zh: "请选择", en: "Choose a kind" },
  "imports.form.file": { zh: "文件", en: "File" },
  "imports.form.fileHint": {
    zh: "CSV、TSV 或 Excel (.xlsx)，最大 {size}。",
    en: "CSV, TSV or Excel (.xlsx), at most {size}.",
  },
  "imports.form.encoding": { zh: "编码（CSV）", en: "Encoding (CSV)" },
  "imports.form.encodingAuto": {
    zh: "自动识别（UTF-8，否则 GB18030）",
    en: "Detect (UTF-8, else GB18030)",
  },
  "imports.form.sheet": { zh: "工作表（.xlsx，可选）", en: "Sheet (.xlsx, optional)" },
  "imports.form.sheetHint": {
    zh: "留空则读取第一个可见工作表。",
    en: "Empty: the first visible sheet.",
  },
  "imports.form.skipInvalid": {
    zh: "跳过无效行（保存有效行，报告其余行）",
    en: "Skip invalid rows (store the valid ones, report the others)",
  },
  "imports.form.uploading": { zh: "正在上传", en: "Uploading" },
  "imports.form.sent": { zh: "已上传 {sent} / {total}", en: "Sent {sent} / {total}" },
  "imports.form.submit": { zh: "上传并预览", en: "Upload and preview" },
  "imports.form.commitSkipInvalid": {
    zh: "跳过无效行（保存有效行）",
    en: "Skip invalid rows (store the valid ones)",
  },
  "imports.form.commit": { zh: "确认导入", en: "Commit the import" },
  "imports.form.refused": {
    zh: "请求被拒绝：请刷新页面后重试。",
    en: "The request was refused: reload the page and try again.",
  },
  "imports.form.serverError": {
    zh: "服务器出错（{status}），请重试。",
    en: "The server answered with an error ({status}): try again.",
  },
  "imports.form.offline": {
    zh: "无法连接服务器，请检查网络连接后重试。",
    en: "Cannot reach the server: check your connection and try again.",
  },

  // Why an upload is refused (app/utils/import-uploads.server.ts).
  "imports.upload.chooseKind": {
    zh: "请选择文件中的数据类型",
    en: "Choose the kind of data the file holds",
  },
  "imports.upload.chooseEncoding": { zh: "请选择编码", en: "Choose an encoding" },
  "imports.upload.sheetTooLong": {
    zh: "工作表名称最多 {max} 个字符",
    en: "A sheet name has at most {max} characters",
  },
  "imports.upload.chooseFile": { zh: "请选择要上传的文件", en: "Choose a file to upload" },
  "imports.upload.tooLarge": {
    zh: "文件太大：上限为 {limit}。请拆分文件后分别导入。",
    en: "The file is too large: the limit is {limit}. Split it into smaller files and import each.",
  },
  "imports.upload.formInvalid": { zh: "表单无效", en: "The form is not valid" },
  "imports.upload.incomplete": {
    zh: "上传没有完成，请重试",
    en: "The upload did not complete: try again",
  },
  "imports.upload.unsupportedFormat": {
    zh: "只能导入 .csv、.tsv、.txt 或 .xlsx 文件",
    en: "Only .csv, .tsv, .txt or .xlsx files can be imported",
  },
  "imports.upload.empty": { zh: "文件是空的", en: "The file is empty" },
  "imports.upload.adminOnly": {
    zh: "只有管理员可以导入“{kind}”：此类数据不属于任何部门",
    en: "Only an administrator may import {kind}: they belong to no department",
  },

  // Why a job failed (app/utils/import-jobs.server.ts).
  "imports.job.checkFailed": {
    zh: "检查文件时出错：{message}。请重试，或取消上传。",
    en: "Checking the file failed: {message}. Try again, or cancel the upload.",
  },
  "imports.job.importFailed": {
    zh: "导入失败，没有保存任何数据：{message}",
    en: "The import failed and stored nothing: {message}",
  },
  "imports.jobs.methodNotAllowed": {
    zh: "不支持此请求方式：请在此提交上传表单（POST）。",
    en: "Method not allowed: POST an upload form here.",
  },

  // The progress of a check or a commit.
  "imports.progress.check": { zh: "正在检查文件", en: "Checking the file" },
  "imports.progress.commit": { zh: "正在导入", en: "Importing" },
  "imports.progress.working": { zh: "正在处理", en: "Working" },
  "imports.progress.done": { zh: "完成", en: "Done" },
  "imports.progress.read": {
    zh: "已读取 {read} / {total} · {rows} 行",
    en: "Read {read} / {total} · {rows} rows",
  },
  "imports.progress.readOne": {
    zh: "已读取 {read} / {total} · {rows} 行",
    en: "Read {read} / {total} · {rows} row",
  },
  "imports.progress.waiting": { zh: "等待服务器…", en: "Waiting for the server…" },
  "imports.progress.failed": { zh: "失败。", en: "It failed." },
  "imports.progress.backToPreview": { zh: "返回预览", en: "Back to the preview" },
  "imports.progress.offline": {
    zh: "无法连接服务器，请检查网络连接。导入可能仍在服务器上进行。",
    en: "Cannot reach the server: check your connection. The import may still be running on the server.",
  },
  "imports.progress.serverError": {
    zh: "服务器出错（{status}），进度暂时无法显示。",
    en: "The server answered with an error ({status}); progress cannot be shown just now.",
  },
  "imports.progress.retry": { zh: "重试", en: "Try again" },

  // The preview of an upload (/imports/uploads/:id).
  "imports.preview.title": { zh: "预览：{file}", en: "Preview: {file}" },
  "imports.preview.failed": {
    zh: "导入失败，没有保存任何数据。",
    en: "The import failed and stored nothing.",
  },
  "imports.preview.kind": { zh: "类型", en: "Kind" },
  "imports.preview.size": { zh: "大小", en: "Size" },
  "imports.preview.encoding": { zh: "编码", en: "Encoding" },
  "imports.preview.encodingDetected": { zh: "{encoding}（自动识别）", en: "{encoding} (detected)" },
  "imports.preview.encodingChosen": { zh: "{encoding}（指定）", en: "{encoding} (as chosen)" },
  "imports.preview.delimiter": { zh: "分隔符", en: "Delimiter" },
  "imports.preview.delimiter.comma": { zh: "逗号（,）", en: "Comma (,)" },
  "imports.preview.delimiter.semicolon": { zh: "分号（;）", en: "Semicolon (;)" },
  "imports.preview.delimiter.tab": { zh: "制表符", en: "Tab" },
  "imports.preview.sheet": { zh: "工作表", en: "Sheet" },
  "imports.preview.sheetOf": {
    zh: "{sheet}（全部工作表：{sheets}）",
    en: "{sheet} (of {sheets})",
  },
  "imports.preview.keptUntil": { zh: "保留至", en: "Kept until" },
  "imports.preview.unreadable": { zh: "无法读取文件", en: "The file cannot be read" },
  "imports.preview.unreadableHint": {
    zh: "请检查文件（工作表、编码或格式）后重新上传。",
    en: "Check the file (its sheet, encoding or format) and upload it again.",
  },
  "imports.preview.checkFailed": {
    zh: "检查文件时出错：{message}",
    en: "Checking the file failed: {message}",
  },
  "imports.preview.refused": {
    zh: "导入被拒绝，没有保存任何数据",
    en: "The import was refused: nothing was stored",
  },
  "imports.preview.refusedText": {
    zh: "共 {count} 个错误。请更正文件后重新上传，或勾选“跳过无效行”。",
    en: '{count} errors. Correct the file and upload it again, or tick "Skip invalid rows".',
  },
  "imports.preview.refusedTextOne": {
    zh: "共 {count} 个错误。请更正文件后重新上传，或勾选“跳过无效行”。",
    en: '{count} error. Correct the file and upload it again, or tick "Skip invalid rows".',
  },
  "imports.preview.valid": { zh: "文件有效", en: "The file is valid" },
  "imports.preview.validText": {
    zh: "{count} 行可以导入。确认后才会保存。",
    en: "{count} rows can be imported. Nothing is stored until you commit.",
  },
  "imports.preview.validTextOne": {
    zh: "{count} 行可以导入。确认后才会保存。",
    en: "{count} row can be imported. Nothing is stored until you commit.",
  },
  "imports.preview.errorsFound": { zh: "发现 {count} 个错误", en: "{count} errors found" },
  "imports.preview.errorsFoundOne": { zh: "发现 {count} 个错误", en: "{count} error found" },
  "imports.preview.invalidText": {
    zh: "{total} 行中 {rejected} 行无效，{accepted} 行有效。除非勾选“跳过无效行”，整个文件都会被拒绝。",
    en: 'Invalid rows: {rejected} of {total}; valid rows: {accepted}. The whole file is refused unless you tick "Skip invalid rows".',
  },
  "imports.preview.mapping": { zh: "列对应", en: "Column mapping" },
  "imports.preview.fileColumn": { zh: "文件中的列", en: "File column" },
  "imports.preview.goesTo": { zh: "对应列", en: "Goes to" },
  "imports.preview.note": { zh: "说明", en: "Note" },
  "imports.preview.unnamedColumn": { zh: "（第 {number} 列）", en: "(column {number})" },
  "imports.preview.duplicate": {
    zh: "重复，文件会被拒绝",
    en: "Given twice: the file is refused",
  },
  "imports.preview.required": { zh: "必填", en: "required" },
  "imports.preview.optional": { zh: "可选", en: "optional" },
  "imports.preview.personal": {
    zh: "个人信息，不以明文保存",
    en: "Personal data: never stored in clear",
  },
  "imports.preview.ignored": { zh: "忽略：{reason}", en: "Ignored: {reason}" },
  "imports.preview.missing": { zh: "缺少", en: "Missing" },
  "imports.preview.firstRows": { zh: "前 {count} 行", en: "First {count} rows" },
  "imports.preview.firstRowsOne": { zh: "前 {count} 行", en: "First {count} row" },
  "imports.preview.noRows": { zh: "表头下没有数据。", en: "No rows below the header." },
  "imports.preview.errors": { zh: "错误", en: "Errors" },
  "imports.preview.downloadErrors": {
    zh: "下载错误报告（CSV，{count} 个错误）",
    en: "Download the error report (CSV, {count} errors)",
  },
  "imports.preview.downloadErrorsOne": {
    zh: "下载错误报告（CSV，{count} 个错误）",
    en: "Download the error report (CSV, {count} error)",
  },
  "imports.preview.firstShown": {
    zh: "此处显示前 {count} 个",
    en: "The first {count} are shown here",
  },
  "imports.preview.cancel": { zh: "取消并删除文件", en: "Cancel and discard the file" },

  // Tables of errors (the preview and a stored batch).
  "imports.errors.line": { zh: "行", en: "Line" },
  "imports.errors.column": { zh: "列", en: "Column" },
  "imports.errors.value": { zh: "值", en: "Value" },
  "imports.errors.reason": { zh: "原因", en: "Reason" },

  // A stored batch (/imports/:id).
  "imports.batch.fallbackTitle": { zh: "导入", en: "Import" },
  "imports.batch.unchanged": {
    zh: "内容与这次导入相同，没有变化。",
    en: "The file has the same content as this import: nothing changed.",
  },
  "imports.batch.reverted": {
    zh: "已撤销：各行已恢复到这次导入之前的状态。",
    en: "Reverted: the rows are as they were before this import.",
  },
  "imports.batch.kind": { zh: "类型", en: "Kind" },
  "imports.batch.state": { zh: "状态", en: "State" },
  "imports.batch.when": { zh: "时间", en: "When" },
  "imports.batch.revertedAt": { zh: "撤销时间", en: "Reverted" },
  "imports.batch.rows": { zh: "行数", en: "Rows" },
  "imports.batch.rowsDetail": {
    zh: "{total}（接受 {accepted}，拒绝 {rejected}）",
    en: "{total} ({accepted} accepted, {rejected} rejected)",
  },
  "imports.batch.skipped": { zh: "跳过的行", en: "Skipped rows" },
  "imports.batch.downloadErrors": {
    zh: "下载错误报告（CSV）",
    en: "Download the error report (CSV)",
  },
  "imports.batch.firstShown": {
    zh: "此处显示前 {count} 个，错误报告包含全部。",
    en: "The first {count} are shown here; the report has them all.",
  },
  "imports.batch.revertHint": {
    zh: "撤销会删除这次导入新增的行，并恢复它替换的行。",
    en: "Reverting deletes the rows this import added and restores the rows it replaced.",
  },
  "imports.batch.revert": { zh: "撤销这次导入", en: "Revert this import" },
  "imports.revert.not_found": { zh: "找不到该导入。", en: "This import no longer exists." },
  "imports.revert.not_committed": {
    zh: "只能撤销已提交的导入。",
    en: "Only a committed import can be reverted.",
  },
  "imports.revert.changed_later": {
    zh: "之后的导入修改了相同的行，请先撤销那次导入。",
    en: "A later import changed the same rows: revert that one first.",
  },
  "imports.revert.laterBatch": { zh: "（#{id}）", en: " (#{id})" },

  // The column reference (/imports/columns).
  "imports.columns.intro": {
    zh: "每种数据一个文件：CSV（UTF-8 或 GB18030）、TSV 或 Excel (.xlsx)。表头可用英文或中文列名，不区分大小写，忽略空格、下划线、连字符和括号中的单位；必填列加粗。",
    en: "One file per kind: CSV (UTF-8 or GB18030), TSV or Excel (.xlsx). Headers may be the English or the Chinese name, in any case, ignoring spaces, underscores, hyphens and a unit in brackets; required columns are in bold.",
  },
  "imports.columns.cells": {
    zh: "单元格为空或只有 -、— 或 / 时视为空。含个人信息的列（姓名、电话、身份证号）绝不以明文保存。",
    en: "A cell that is empty or holds only -, — or / is empty. Columns with personal data (name, phone, ID number) are never stored in clear.",
  },
  "imports.columns.kinds": { zh: "数据类型", en: "Kinds" },
  "imports.columns.adminOnly": {
    zh: "只有管理员可以导入此类数据。",
    en: "Only an administrator imports this kind.",
  },
  /** A label before links: the English keeps its space, the Chinese colon needs none. */
  "imports.columns.template": { zh: "模板：", en: "Template: " },
  "imports.columns.example": { zh: "示例：", en: "Example: " },
  "imports.columns.demoData": { zh: "演示数据（CSV）", en: "demo data (CSV)" },
  "imports.columns.column": { zh: "列", en: "Column" },
  "imports.columns.chinese": { zh: "中文列名", en: "Chinese name" },
  "imports.columns.required": { zh: "必填", en: "Required" },
  "imports.columns.format": { zh: "格式", en: "Format" },
  "imports.columns.yes": { zh: "是", en: "yes" },
  "imports.columns.no": { zh: "否", en: "no" },

  // How a column's cells are written (app/utils/import-kinds.ts formatNote).
  "imports.format.code": {
    zh: "编码：1–64 个字母、数字或 - _ .",
    en: "A code: 1–64 letters, digits, '-', '_' or '.'",
  },
  "imports.format.date": {
    zh: "日期：2021-07-01、2021/7/1、2021年7月1日或 Excel 日期",
    en: "A date: 2021-07-01, 2021/7/1, 2021年7月1日 or an Excel date",
  },
  "imports.format.time": {
    zh: "日期时间：2021-07-01 09:30（未注明时区时按本系统的时区）",
    en: "A date and time: 2021-07-01 09:30 (the deployment's time zone unless the text gives one)",
  },
  "imports.format.period": {
    zh: "月份：2021-07、2021/7 或 2021年7月",
    en: "A month: 2021-07, 2021/7 or 2021年7月",
  },
  "imports.format.amount": {
    zh: "金额，单位元；表头或单元格注明万元时按万元",
    en: "Yuan; 万元 (10,000 yuan) when the header or the cell says so",
  },
  "imports.format.count": { zh: "非负整数", en: "A whole number, 0 or more" },
  "imports.format.boolean": {
    zh: "是/否：是/否、true/false、1/0、Y/N",
    en: "Yes or no: true/false, 1/0, 是/否, Y/N",
  },
  "imports.format.weight": { zh: "权重，如 0.2 或 20%", en: "A weight such as 0.2 or 20%" },
  "imports.format.number": { zh: "数值", en: "A number" },
  "imports.format.text": { zh: "文本，原样保存", en: "Free text, kept exactly" },
  "imports.format.stage": {
    zh: "proposal、feasibility、approval、procurement、construction、trial_operation、acceptance、operation、post_evaluation、retired（或中文名称）",
    en: "proposal, feasibility, approval, procurement, construction, trial_operation, acceptance, operation, post_evaluation, retired (or the Chinese name)",
  },
  "imports.format.level": {
    zh: "province/city/county 或 省/市/县",
    en: "province/city/county (or 省/市/县)",
  },
  "imports.format.fundingSource": {
    zh: "fiscal、special_fund、private_partner（或 财政资金、专项资金、社会资本）",
    en: "fiscal, special_fund, private_partner (or 财政资金, 专项资金, 社会资本)",
  },
  "imports.format.direction": {
    zh: "higher/lower（或 正向/反向）",
    en: "higher/lower (or 正向/反向)",
  },
  "imports.format.appealType": {
    zh: "complaint/consultation/suggestion/praise（或 投诉/咨询/建议/表扬）",
    en: "complaint/consultation/suggestion/praise (or 投诉/咨询/建议/表扬)",
  },
  "imports.format.maturity": { zh: "成熟度 0–4", en: "Maturity level, 0–4" },
  "imports.format.oneToFive": { zh: "1 到 5", en: "1 to 5" },
  "imports.format.departmentCode": {
    zh: "部门编码或部门全称",
    en: "The department's code or its exact name",
  },
  "imports.format.budgetCategory": {
    zh: "hardware、software、services、operation_maintenance、security、training（或 硬件/软件/服务/运维/安全/培训）",
    en: "hardware, software, services, operation_maintenance, security, training (or 硬件/软件/服务/运维/安全/培训)",
  },
  "imports.format.ratingTarget": {
    zh: "service/project（或 事项/项目）",
    en: "service/project (or 事项/项目)",
  },
} as const satisfies Record<string, { zh: string; en: string }>;
