import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/utils/permissions.server";

/** /admin has no page of its own: the admin's home is the user list. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  return redirect("/admin/users");
}
