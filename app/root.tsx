import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "./components/forms";
import { useI18n, type I18n, type Locale, type MessageKey } from "./i18n/i18n";
import { metaI18n, pageTitle } from "./i18n/meta";
import { localeOf } from "./i18n/locale.server";
import styles from "./styles/app.css";
import { csrfToken } from "./utils/csrf.server";
import { useNonce } from "./utils/nonce-provider";
import { homeOf, sectionsOf } from "./utils/permissions.server";
import { getOptionalUser } from "./utils/session.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, csrf] = await Promise.all([getOptionalUser(request), csrfToken(request)]);
  const viewer = user
    ? {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        home: homeOf(user.role),
        sections: sectionsOf(user.role),
      }
    : null;
  const locale: Locale = localeOf(request);
  return data(
    { viewer, csrf: csrf.token, locale },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
}

/** `<html lang>`: zh-CN, or plain "en" for English pages. */
function htmlLang(locale: Locale): string {
  return locale === "zh" ? "zh-CN" : "en";
}

/**
 * The other language, offered as a link-styled button: a form posting to /locale, so it
 * works without JavaScript and comes back to this page.
 */
function LanguageSwitch() {
  const { locale, t } = useI18n();
  const location = useLocation();
  // The other language's name in that language (English / 中文), marked with its lang.
  const other: Locale = locale === "zh" ? "en" : "zh";
  return (
    <Form method="post" action="/locale" className="language-switch">
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        name="locale"
        value={other}
        className="link-button"
        lang={htmlLang(other)}
      >
        {t("common.language.other")}
      </button>
    </Form>
  );
}

function Header() {
  const root = useRouteLoaderData<typeof loader>("root");
  const { t } = useI18n();
  const viewer = root?.viewer;
  return (
    <header className="site-header">
      <a className="brand" href="/">
        <span className="brand-mark" aria-hidden="true">
          明镜
        </span>
        <span>
          {t("common.brand")} <small>{t("common.tagline")}</small>
        </span>
      </a>
      {viewer ? (
        <nav aria-label={t("common.nav.sections")} className="section-nav">
          {viewer.sections.map((section) => (
            <a key={section.href} href={section.href}>
              {t(section.labelKey)}
            </a>
          ))}
        </nav>
      ) : null}
      <nav aria-label={t("common.nav.account")} className="account-nav">
        {viewer ? (
          <>
            <a href={viewer.home}>{viewer.displayName}</a>
            <a href="/account/password">{t("common.changePassword")}</a>
            <Form method="post" action="/logout">
              <CsrfInput />
              <button type="submit" className="link-button">
                {t("common.signOut")}
              </button>
            </Form>
          </>
        ) : (
          <a href="/login">{t("common.signIn")}</a>
        )}
        <LanguageSwitch />
      </nav>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const { locale, t } = useI18n();
  return (
    <html lang={htmlLang(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("common.skipToContent")}
        </a>
        <Header />
        <main id="main" className="page">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const ERROR_MESSAGES: Partial<Record<number, MessageKey>> = {
  403: "common.error.403",
  404: "common.error.404",
};

/** "404 · 页面不存在": what an error page says, as its heading and its title. */
function errorHeading(i18n: Pick<I18n, "t">, error: unknown): string {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return `${status} · ${i18n.t(ERROR_MESSAGES[status] ?? "common.error.500")}`;
}

/**
 * An error page's title (WCAG 2.4.2: every page has one). A route that throws renders the
 * root's boundary with the root's meta only, so the page's own title is gone; otherwise a
 * page's meta replaces this empty one.
 */
export const meta: MetaFunction<typeof loader> = ({ error, matches }) => {
  if (!error) return [];
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, errorHeading(i18n, error)) }];
};

export function ErrorBoundary() {
  const error = useRouteError();
  const i18n = useI18n();
  return (
    <section>
      <h1>{errorHeading(i18n, error)}</h1>
      <p>
        <a href="/">{i18n.t("common.error.backHome")}</a>
      </p>
    </section>
  );
}
