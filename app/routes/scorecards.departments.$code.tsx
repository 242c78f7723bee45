import type {
  ActionFunctionArgs,
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
} from "@remix-run/node";
import { citizenRatingAction } from "~/scorecards/citizen-rating.server";
import ratingStyles from "~/scorecards/citizen-rating.css";
import { PublicScorecardPage, scorecardMeta } from "~/scorecards/public-scorecard-page";
import { loadPublicScorecard } from "~/scorecards/public-scorecard.server";
import scorecardStyles from "~/scorecards/scorecards.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: scorecardStyles },
  { rel: "stylesheet", href: ratingStyles },
];
/** A refused rating's Retry-After (429) reaches the browser. */
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) =>
  actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders;
export const meta = scorecardMeta;

/** Anyone: the latest published version, or `?version=N`; 404 for an unknown code or version. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadPublicScorecard(request, "department", params.code);
}

/**
 * Anyone: a citizen's 1–5 rating (and comment) of a service item the department's latest published scorecard lists;
 * 404 unless the latest published version shows it.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  return citizenRatingAction(request, "department", params.code);
}

export default PublicScorecardPage;
