import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "./components/forms";
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
  return data(
    { viewer, csrf: csrf.token },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
}

function Header() {
  const root = useRouteLoaderData<typeof loader>("root");
  const viewer = root?.viewer;
  return (
    <header className="site-header">
      <a className="brand" href="/">
        <span className="brand-mark" aria-hidden="true">
          明镜
        </span>
        <span>
          Mingjing <small>电子政务绩效评价与监督</small>
        </span>
      </a>
      {viewer ? (
        <nav aria-label="栏目 Sections" className="section-nav">
          {viewer.sections.map((section) => (
            <a key={section.href} href={section.href}>
              {section.label}
            </a>
          ))}
        </nav>
      ) : null}
      <nav aria-label="账户 Account" className="account-nav">
        {viewer ? (
          <>
            <a href={viewer.home}>{viewer.displayName}</a>
            <a href="/account/password">修改密码 Change password</a>
            <Form method="post" action="/logout">
              <CsrfInput />
              <button type="submit" className="link-button">
                退出 Sign out
              </button>
            </Form>
          </>
        ) : (
          <a href="/login">登录 Sign in</a>
        )}
      </nav>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          跳到正文 Skip to content
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

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const messages: Record<number, string> = {
    403: "无权访问 You do not have access to this page",
    404: "页面不存在 Page not found",
  };
  const message = messages[status] ?? "出错了 Something went wrong on our side";
  return (
    <section>
      <h1>
        {status} · {message}
      </h1>
      <p>
        <a href="/">返回首页 Back to the home page</a>
      </p>
    </section>
  );
}
