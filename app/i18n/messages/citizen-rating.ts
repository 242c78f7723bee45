/** Messages of the citizen rating form on public scorecards and the service items they list. */
export const citizenRating = {
  "rate.project.heading": { zh: "评价这个项目", en: "Rate this project" },
  "rate.project.intro": {
    zh: "您用过这个项目建成的系统或服务吗？请给 1 到 5 分，也可以留下意见。",
    en: "Have you used what this project built? Give it 1 to 5, and leave a comment if you wish.",
  },
  "rate.service.heading": { zh: "评价一项政务服务", en: "Rate a service" },
  "rate.service.intro": {
    zh: "从上方“政务服务事项”中选择您办过的事项，给 1 到 5 分，也可以留下意见。",
    en: "Choose a service you have used from the service items above, give it 1 to 5, and leave a comment if you wish.",
  },
  "rate.item.label": { zh: "政务服务事项", en: "Service" },
  "rate.item.choose": { zh: "请选择事项", en: "Choose a service" },
  "rate.score.legend": { zh: "您的评分", en: "Your rating" },
  "rate.score.hint": {
    zh: "1 分最差，5 分最好。1、2 分为差评，部门须限期整改。",
    en: "1 is the worst, 5 the best. A 1 or 2 is a bad review, which the department must rectify within a set time.",
  },
  "rate.score.1": { zh: "1 分：非常不满意", en: "1: very dissatisfied" },
  "rate.score.2": { zh: "2 分：不满意", en: "2: dissatisfied" },
  "rate.score.3": { zh: "3 分：基本满意", en: "3: neither" },
  "rate.score.4": { zh: "4 分：满意", en: "4: satisfied" },
  "rate.score.5": { zh: "5 分：非常满意", en: "5: very satisfied" },
  "rate.comment.label": { zh: "意见（选填）", en: "Comment (optional)" },
  "rate.comment.hint": {
    zh: "最多 {max} 字。请勿填写姓名、电话或身份证号：电话、证件号和邮箱会被隐去。意见经审核后才会公开。",
    en: "Up to {max} characters. Do not write your name, phone or ID number: phone numbers, ID numbers and e-mail addresses are removed. A comment is published only after a moderator has checked it.",
  },
  "rate.submit": { zh: "提交评价", en: "Send rating" },
  "rate.limits": {
    zh: "同一网络地址每小时最多评价 {perHour} 次，同一对象每天 1 次。",
    en: "One network address may send {perHour} ratings an hour, and one a day for the same project or service.",
  },
  "rate.thanks.title": { zh: "感谢您的评价", en: "Thank you for your rating" },
  "rate.thanks.body": {
    zh: "评分已记入统计，将在下一次发布的评分卡中体现。如您留下了意见，意见经审核后公开。",
    en: "Your score is counted and will show in the next published version of the scorecard. If you left a comment, it will be published after moderation.",
  },
  "rate.error.score": {
    zh: "请选择 1 到 5 分",
    en: "Choose a rating from 1 to 5",
  },
  "rate.error.comment": {
    zh: "意见不能超过 {max} 字，请删减后再提交",
    en: "A comment can be at most {max} characters: shorten it and send again",
  },
  "rate.error.item": { zh: "请选择要评价的事项", en: "Choose the service you rate" },
  "rate.error.limitAddress": {
    zh: "您所在网络地址的评价次数已达到每小时上限，请约 {minutes} 分钟后再试。",
    en: "Your network address has sent as many ratings as allowed in an hour. Try again in about {minutes} minutes.",
  },
  "rate.error.limitTarget": {
    zh: "您今天已评价过这个对象，请约 {hours} 小时后再评价。",
    en: "You have already rated this today. You can rate it again in about {hours} hours.",
  },
  "rate.items.heading": { zh: "政务服务事项", en: "Service items" },
  "rate.items.caption": {
    zh: "本部门的政务服务事项（发布时）",
    en: "The department's service items, as published",
  },
  "rate.items.col.item": { zh: "事项", en: "Service" },
  "rate.items.col.maturity": { zh: "成熟度", en: "Maturity" },
  "rate.items.col.oneVisit": { zh: "最多跑一次", en: "At most one visit" },
  "rate.items.col.highFrequency": { zh: "高频", en: "High-frequency" },
  "rate.items.col.timeLimit": {
    zh: "承诺时限（工作日）",
    en: "Promised time limit (working days)",
  },
  "rate.items.none": {
    zh: "发布时本部门没有登记政务服务事项。",
    en: "The department had no service items registered when this was published.",
  },
  "rate.items.maturity.0": { zh: "0 级：仅信息公开", en: "0: information only" },
  "rate.items.maturity.1": { zh: "1 级：表格下载", en: "1: downloadable forms" },
  "rate.items.maturity.2": { zh: "2 级：在线申报", en: "2: online submission" },
  "rate.items.maturity.3": { zh: "3 级：全程网办", en: "3: fully online" },
  "rate.items.maturity.4": {
    zh: "4 级：主动服务、跨部门",
    en: "4: proactive, cross-department",
  },
  "rate.yes": { zh: "是", en: "Yes" },
  "rate.no": { zh: "否", en: "No" },
};
