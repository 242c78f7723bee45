// @vitest-environment happy-dom
/**
 * The import progress bar against a stand-in server (msw): a slow job whose bar moves,
 * a failing answer with a way to try again, and a lost connection.
 */
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { ReactElement } from "react";
// Remix's useRouteLoaderData is React Router's: a memory router stands in for Remix here.
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ImportJobProgress } from "../../app/imports/import-progress";
import type { JobStatus } from "../../app/imports/job-status";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const JOB_URL = new URL("/imports/jobs/:id", window.location.href).href;

function status(overrides: Partial<JobStatus>): JobStatus {
  return {
    id: "job-1",
    action: "commit",
    state: "running",
    bytesRead: 0,
    totalBytes: 1000,
    rows: 0,
    redirectTo: null,
    message: null,
    ...overrides,
  };
}

/** Renders as a page in `locale` would: the root route's data names the language. */
function renderIn(element: ReactElement, locale: "zh" | "en" = "zh") {
  const router = createMemoryRouter([{ id: "root", path: "/", element }], {
    hydrationData: { loaderData: { root: { locale } } },
  });
  return render(<RouterProvider router={router} />);
}

function bar(): HTMLProgressElement {
  return screen.getByRole("progressbar") as HTMLProgressElement;
}

describe("ImportJobProgress", () => {
  it("follows a slow job: the bar and the text move, then it finishes", async () => {
    const answers = [
      status({ bytesRead: 0, rows: 0 }),
      status({ bytesRead: 400, rows: 40 }),
      status({ bytesRead: 400, rows: 40 }),
      status({ bytesRead: 900, rows: 90 }),
      status({ state: "done", bytesRead: 1000, rows: 100, redirectTo: "/imports/7" }),
    ];
    const seen: string[] = [];
    server.use(
      http.get(JOB_URL, async ({ params }) => {
        seen.push(String(params.id));
        await new Promise((resolve) => setTimeout(resolve, 20));
        return HttpResponse.json(answers.length > 1 ? answers.shift() : answers[0]);
      }),
    );
    const onFinished = vi.fn();
    renderIn(<ImportJobProgress jobId="job-1" pollMs={10} onFinished={onFinished} />);
    expect(screen.getByText("等待服务器…")).toBeTruthy();

    await screen.findByText("已读取 400 B / 1,000 B · 40 行");
    expect(bar().max).toBe(1000);
    expect(bar().value).toBe(400);
    expect(screen.getByText("正在导入")).toBeTruthy();

    await screen.findByText("已读取 900 B / 1,000 B · 90 行");
    expect(bar().value).toBe(900);

    await waitFor(() => expect(onFinished).toHaveBeenCalledTimes(1));
    expect(onFinished.mock.calls[0]?.[0]).toMatchObject({
      state: "done",
      redirectTo: "/imports/7",
    });
    expect(bar().value).toBe(1000);
    expect(screen.getByText("完成")).toBeTruthy();
    expect(new Set(seen)).toEqual(new Set(["job-1"]));
  });

  it("says so when the server answers 500, and tries again on request", async () => {
    let failing = true;
    server.use(
      http.get(JOB_URL, () =>
        failing
          ? new HttpResponse("boom", { status: 500 })
          : HttpResponse.json(status({ bytesRead: 250, rows: 25 })),
      ),
    );
    renderIn(<ImportJobProgress jobId="job-1" pollMs={10_000} onFinished={vi.fn()} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("服务器出错（500）");
    failing = false;
    await userEvent.click(screen.getByRole("button", { name: "重试" }));
    await screen.findByText("已读取 250 B / 1,000 B · 25 行");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(bar().value).toBe(250);
  });

  it("says the server cannot be reached when the network fails", async () => {
    server.use(http.get(JOB_URL, () => HttpResponse.error()));
    renderIn(<ImportJobProgress jobId="job-1" pollMs={10} onFinished={vi.fn()} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("无法连接服务器，请检查网络连接");
    expect(screen.getByRole("button", { name: "重试" })).toBeTruthy();
  });

  it("shows why a job failed, with the way back", async () => {
    server.use(
      http.get(JOB_URL, () =>
        HttpResponse.json(
          status({
            state: "failed",
            message: "导入失败 The import failed and stored nothing: disk full",
            redirectTo: "/imports/uploads/u1",
          }),
        ),
      ),
    );
    const onFinished = vi.fn();
    renderIn(<ImportJobProgress jobId="job-1" pollMs={10} onFinished={onFinished} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("disk full");
    expect(screen.getByRole("link", { name: "返回预览" }).getAttribute("href")).toBe(
      "/imports/uploads/u1",
    );
    expect(onFinished).not.toHaveBeenCalled();
  });

  it("speaks English on an English page: words, sizes and counts", async () => {
    server.use(
      http.get(JOB_URL, () =>
        HttpResponse.json(status({ bytesRead: 2560, totalBytes: 3 * 1024 * 1024, rows: 1234 })),
      ),
    );
    renderIn(<ImportJobProgress jobId="job-1" pollMs={10_000} onFinished={vi.fn()} />, "en");
    expect(screen.getByText("Waiting for the server…")).toBeTruthy();
    await screen.findByText("Read 2.5 KB / 3.0 MB · 1,234 rows");
    expect(screen.getByText("Importing")).toBeTruthy();
  });
});
