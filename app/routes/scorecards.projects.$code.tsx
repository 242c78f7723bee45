import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { PublicScorecardPage, scorecardMeta } from "~/scorecards/public-scorecard-page";
import { loadPublicScorecard } from "~/scorecards/public-scorecard.server";
import scorecardStyles from "~/scorecards/scorecards.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scorecardStyles }];
export const meta = scorecardMeta;

/** Anyone: the latest published version, or `?version=N`; 404 for an unknown code or version. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadPublicScorecard(request, "project", params.code);
}

export default PublicScorecardPage;
