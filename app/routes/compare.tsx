import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import compareStyles from "~/compare/compare.css";
import { ComparePage } from "~/compare/compare-page";
import { loadCompare } from "~/compare/compare.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import scorecardStyles from "~/scorecards/scorecards.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: scorecardStyles },
  { rel: "stylesheet", href: compareStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("compare.title")) }];
};

/**
 * Anyone: `?ids=project:A,project:B` (up to 5, one subject) side by side, latest published
 * versions; 400 for ids that cannot be compared, 404 for an unpublished code, said on the page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return loadCompare(request);
}

export default ComparePage;
