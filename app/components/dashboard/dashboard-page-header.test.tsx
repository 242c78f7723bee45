import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { DashboardPageHeader } from "./dashboard-page-header";

/** Server HTML, without the attribute React Router adds to its links for route discovery. */
function render(element: JSX.Element): string {
  return renderToString(<MemoryRouter>{element}</MemoryRouter>).replaceAll(
    ' data-discover="true"',
    "",
  );
}

describe("DashboardPageHeader", () => {
  it("links back, then the page's heading, lede and filters, in that order", () => {
    const html = render(
      <DashboardPageHeader
        back={{ to: "/dashboard?from=2024-01-01", label: "← 监督总览" }}
        title="部门排名 Rankings"
        lede="按综合得分排序。"
      >
        <form aria-label="filters" />
      </DashboardPageHeader>,
    );
    expect(html).toBe(
      '<p><a href="/dashboard?from=2024-01-01">← 监督总览</a></p>' +
        "<h1>部门排名 Rankings</h1>" +
        '<p class="lede">按综合得分排序。</p>' +
        '<form aria-label="filters"></form>',
    );
  });

  it("has no lede paragraph when the page has none", () => {
    const html = render(
      <DashboardPageHeader back={{ to: "/dashboard", label: "←" }} title="市数据局" />,
    );
    expect(html).not.toContain("lede");
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });
});
