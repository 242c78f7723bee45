// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
// Remix's useRouteLoaderData is React Router's: a memory router stands in for Remix here.
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { useI18n } from "./i18n";

afterEach(cleanup);

function Probe() {
  const i18n = useI18n();
  return (
    <p>
      {i18n.locale} · {i18n.t("common.signIn")} · {i18n.percent(null)}
    </p>
  );
}

function renderWithRoot(rootData: unknown) {
  const router = createMemoryRouter([{ id: "root", path: "/", element: <Probe /> }], {
    hydrationData: { loaderData: { root: rootData } },
  });
  render(<RouterProvider router={router} />);
}

describe("useI18n", () => {
  it("reads the locale the root loader chose", () => {
    renderWithRoot({ locale: "en" });
    expect(screen.getByText("en · Sign in · no data")).toBeTruthy();
  });

  it("falls back to Chinese without root data or with an unknown locale", () => {
    renderWithRoot({ locale: "fr" });
    expect(screen.getByText("zh · 登录 · 无数据")).toBeTruthy();
  });
});
