import type { LoaderFunctionArgs } from "@remix-run/node";
import { versionsAnswer } from "~/scorecards/open-data.server";

/** Anyone: every published version of a project's scorecard, with its stable address. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return versionsAnswer(request, "project", params.code);
}
