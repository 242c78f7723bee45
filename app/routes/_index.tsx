import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getInventory } from "../../db/queries/inventory.server";
import { latestSnapshots } from "../../db/queries/published-scorecards.server";
import { getDb, getHandle } from "../../db/runtime.server";
import { headlineFigures } from "../../db/scorecards/headline";
import { Headline } from "~/home/headline";
import homeStyles from "~/home/home.css";
import { useI18n, type MessageKey } from "~/i18n/i18n";
import { metaI18n } from "~/i18n/meta";
import { getSettings } from "~/utils/settings.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: homeStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const { t } = metaI18n(matches);
  return [{ title: t("home.title") }, { name: "description", content: t("home.description") }];
};

export async function loader() {
  const [inventory, snapshots] = await Promise.all([
    getInventory(getHandle(), getSettings().timeZone),
    latestSnapshots(getDb()),
  ]);
  // Headline figures from the latest published snapshots only, never internal tables.
  return { inventory, headline: headlineFigures(snapshots) };
}

const KINDS = [
  ["departments", "home.inventory.departments"],
  ["projects", "home.inventory.projects"],
  ["serviceItems", "home.inventory.serviceItems"],
  ["appeals", "home.inventory.appeals"],
  ["ratings", "home.inventory.ratings"],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

export default function Home() {
  const { inventory, headline } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <h1>{t("home.heading")}</h1>
      <p className="lede">{t("home.lede")}</p>
      <Headline headline={headline} />
      <section className="panel" aria-labelledby="inventory-title">
        <h2 id="inventory-title">{t("home.inventory.title")}</h2>
        <ul className="inventory">
          {KINDS.map(([key, label]) => (
            <li key={key}>
              <span className="figure" data-kind={key}>
                {i18n.number(inventory[key])}
              </span>
              <span className="label">{t(label)}</span>
            </li>
          ))}
        </ul>
        <p>
          {t("home.inventory.latestDataDate")}
          {i18n.locale === "en" ? " " : null}
          <strong data-testid="latest-data-date">
            {inventory.latestDataDate ? (
              <time dateTime={inventory.latestDataDate}>{i18n.date(inventory.latestDataDate)}</time>
            ) : (
              i18n.noData
            )}
          </strong>
        </p>
      </section>
    </>
  );
}
