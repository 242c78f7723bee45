import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getInventory } from "../../db/queries/inventory.server";
import { getHandle } from "../../db/runtime.server";
import { getSettings } from "~/utils/env.server";

export const meta: MetaFunction = () => [
  { title: "明镜 Mingjing · 电子政务绩效评价与监督" },
  {
    name: "description",
    content:
      "Published e-government performance scorecards: projects, public services and citizen appeals.",
  },
];

export async function loader() {
  const inventory = await getInventory(getHandle(), getSettings().timeZone);
  return { inventory };
}

const KINDS = [
  ["departments", "部门", "departments"],
  ["projects", "电子政务项目", "e-government projects"],
  ["serviceItems", "政务服务事项", "service items"],
  ["appeals", "群众诉求", "citizen appeals"],
  ["ratings", "好差评", "service ratings"],
] as const;

const numbers = new Intl.NumberFormat("zh-CN");

export default function Home() {
  const { inventory } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>明镜 · 电子政务绩效评价与监督</h1>
      <p className="lede">
        Mingjing shows whether public money spent on e-government turned into results: project
        budgets against outcomes, public services and how citizens&apos; appeals are answered.
      </p>
      <section className="panel" aria-labelledby="inventory-title">
        <h2 id="inventory-title">本平台数据 What this instance holds</h2>
        <ul className="inventory">
          {KINDS.map(([key, chinese, english]) => (
            <li key={key}>
              <span className="figure" data-kind={key}>
                {numbers.format(inventory[key])}
              </span>
              <span className="label">
                {chinese} {english}
              </span>
            </li>
          ))}
        </ul>
        <p>
          最新数据日期 Latest data date:{" "}
          <strong data-testid="latest-data-date">{inventory.latestDataDate ?? "—"}</strong>
        </p>
      </section>
    </>
  );
}
