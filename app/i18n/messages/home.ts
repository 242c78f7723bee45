/** Messages of the public home page. */
export const home = {
  "home.title": {
    zh: "明镜 · 电子政务绩效评价与监督",
    en: "Mingjing · E-government performance evaluation and supervision",
  },
  "home.description": {
    zh: "已发布的电子政务绩效评分卡：项目、政务服务与群众诉求。",
    en: "Published e-government performance scorecards: projects, public services and citizen appeals.",
  },
  "home.heading": {
    zh: "明镜 · 电子政务绩效评价与监督",
    en: "Mingjing · E-government performance evaluation and supervision",
  },
  "home.lede": {
    zh: "明镜展示电子政务财政投入是否转化为成效：项目预算与绩效目标、政务服务，以及群众诉求的答复情况。",
    en: "Mingjing shows whether public money spent on e-government turned into results: project budgets against outcomes, public services and how citizens' appeals are answered.",
  },
  "home.inventory.title": { zh: "本平台数据", en: "What this instance holds" },
  "home.inventory.departments": { zh: "部门", en: "departments" },
  "home.inventory.projects": { zh: "电子政务项目", en: "e-government projects" },
  "home.inventory.serviceItems": { zh: "政务服务事项", en: "service items" },
  "home.inventory.appeals": { zh: "群众诉求", en: "citizen appeals" },
  "home.inventory.ratings": { zh: "好差评", en: "service ratings" },
  "home.inventory.latestDataDate": { zh: "最新数据日期：", en: "Latest data date:" },
} as const satisfies Record<string, { zh: string; en: string }>;
