import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicationsAnswer } from "~/scorecards/open-data.server";

/** Anyone: the change feed, every version published since `?since=YYYY-MM-DD`. */
export async function loader({ request }: LoaderFunctionArgs) {
  return publicationsAnswer(request);
}
