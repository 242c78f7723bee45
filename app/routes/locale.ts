import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { createI18n, LOCALES } from "~/i18n/i18n";
import { localeCookie, localeOf } from "~/i18n/locale.server";
import { readForm } from "~/utils/csrf.server";

/** Nothing to show: the language switch is a form that posts here. */
export async function loader() {
  return redirect("/");
}

const SITE = "http://same-site.invalid";

/**
 * A path on this site, normalised as a browser would read it: anything that resolves to
 * another origin ("//evil.example", "/\\evil.example", "https://…") is refused, so the
 * switch cannot be used as an open redirect.
 */
const sameSitePath = z
  .string()
  .max(2048)
  .refine(
    (target) =>
      target.startsWith("/") &&
      // Browsers drop tabs and newlines and read "\\" as "/": "/\t/evil" is "//evil".
      ![...target].some((char) => char <= " " || char === "\\" || char === "\u007f"),
  )
  .transform((target, context) => {
    const url = new URL(target, SITE);
    if (url.origin !== SITE) {
      context.addIssue({ code: "custom", message: "not on this site" });
      return z.NEVER;
    }
    return `${url.pathname}${url.search}${url.hash}`;
  });

const switchForm = z.object({
  locale: z.enum(LOCALES),
  redirectTo: z.preprocess((value) => (value === "" ? undefined : value), sameSitePath.optional()),
});

/** Remembers the chosen language for a year and goes back to the page it was chosen on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = switchForm.safeParse({
    locale: form.get("locale") ?? undefined,
    redirectTo: form.get("redirectTo") ?? undefined,
  });
  if (!parsed.success) {
    return new Response(createI18n(localeOf(request)).t("common.language.badRequest"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return redirect(parsed.data.redirectTo ?? "/", {
    headers: { "Set-Cookie": localeCookie(request, parsed.data.locale) },
  });
}
