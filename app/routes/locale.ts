import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { createI18n, LOCALES } from "~/i18n/i18n";
import { localeCookie, localeOf } from "~/i18n/locale.server";
import { readForm } from "~/utils/csrf.server";
import { safeRedirect } from "~/utils/safe-redirect";

/** Nothing to show: the language switch is a form that posts here. */
export async function loader() {
  return redirect("/");
}

const switchForm = z.object({ locale: z.enum(LOCALES) });

/** Remembers the chosen language for a year and goes back to the page it was chosen on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = switchForm.safeParse({ locale: form.get("locale") ?? undefined });
  if (!parsed.success) {
    return new Response(createI18n(localeOf(request)).t("common.language.badRequest"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // A page off this site (a crafted form) is not followed: the switch goes home instead.
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": localeCookie(request, parsed.data.locale) },
  });
}
