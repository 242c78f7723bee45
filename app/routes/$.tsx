import { notFound } from "~/utils/permissions.server";

/*
 * Every address no other route takes. Without this route Remix answers such a request
 * by raising a routing error, which the server logs with a stack trace: a browser's
 * /favicon.ico, a scanner's guesses or a mistyped link would each fill the log. A 404
 * thrown here renders the root error page, and nothing is logged. (A POST to such an
 * address gets Remix's 405, as on every page without an action.)
 */
export async function loader(): Promise<never> {
  throw notFound();
}

/** Never rendered: the loader always throws. Being a page (not a resource route) makes
 * the thrown 404 render the root error page rather than a bare text answer. */
export default function NoSuchPage() {
  return null;
}
