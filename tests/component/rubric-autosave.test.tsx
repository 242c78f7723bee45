// @vitest-environment happy-dom
/**
 * The rubric form's autosave against a stand-in server (msw): a slow answer, a failing
 * one that is tried again, a lost connection, and a locked assessment. Whatever the
 * server says, what the evaluator typed stays in the form.
 */
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
// Remix's Form and useRouteLoaderData are React Router's: a memory router stands in for Remix.
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RubricForm } from "../../app/evaluation/rubric-form";
import type { RubricCriterion } from "../../app/evaluation/workspace-types";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const DRAFT_PATH = "/evaluation/assignments/7/draft";
const DRAFT_URL = new URL(DRAFT_PATH, window.location.href).href;
/** 01:02 UTC is 09:02 in Shanghai, the instance's time zone. */
const SAVED_AT = "2026-12-06T01:02:00.000Z";

const CRITERIA: RubricCriterion[] = [
  {
    id: 11,
    code: "D1.1",
    name: "管理制度健全性",
    description: null,
    dimensionCode: "D1",
    dimensionName: "过程",
    scoring: "evaluator",
    kpiKey: null,
    minScore: 0,
    maxScore: 100,
    levels: [{ label: "优", minScore: 90, maxScore: 100, description: "制度完备" }],
  },
  {
    id: 12,
    code: "D1.2",
    name: "成本绩效",
    description: null,
    dimensionCode: "D1",
    dimensionName: "过程",
    scoring: "kpi",
    kpiKey: "cpi",
    minScore: null,
    maxScore: null,
    levels: [],
  },
];

function renderForm() {
  const element = (
    <RubricForm
      criteria={CRITERIA}
      scores={[]}
      savedAt={null}
      timeZone="Asia/Shanghai"
      draftUrl={DRAFT_PATH}
      autosave={{ delayMs: 20, retryMs: 40 }}
    />
  );
  const router = createMemoryRouter([{ id: "root", path: "/", element }], {
    hydrationData: { loaderData: { root: { locale: "zh", csrf: "csrf-token-1" } } },
  });
  return render(<RouterProvider router={router} />);
}

function status(): string {
  return screen.getByRole("status").textContent ?? "";
}

const scoreInput = () => screen.getByLabelText("得分（0–100）") as HTMLInputElement;

describe("RubricForm autosave", () => {
  it("saves after typing, through a slow answer, with the last value typed", async () => {
    const bodies: Array<Record<string, string>> = [];
    server.use(
      http.post(DRAFT_URL, async ({ request }) => {
        bodies.push(
          Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)])),
        );
        await new Promise((resolve) => setTimeout(resolve, 150));
        return HttpResponse.json({ savedAt: SAVED_AT });
      }),
    );
    renderForm();
    expect(screen.getByText("由KPI引擎计算（cpi），无需评分")).toBeTruthy();
    await userEvent.type(scoreInput(), "8");
    await waitFor(() => expect(status()).toBe("正在保存…"));
    // Typed while the first save is under way: a second save follows it.
    await userEvent.type(scoreInput(), "5");
    await waitFor(() => expect(bodies.length).toBe(2), { timeout: 2000 });
    await waitFor(() => expect(status()).toBe("已于 09:02 保存"), { timeout: 2000 });
    expect(bodies[0]?.["score-11"]).toBe("8");
    expect(bodies.at(-1)?.["score-11"]).toBe("85");
    expect(bodies.at(-1)?.csrf).toBe("csrf-token-1");
    expect(bodies.at(-1)).not.toHaveProperty("intent");
    expect(scoreInput().value).toBe("85");
  });

  it("says it is not saved when the server fails, keeps the value, and retries", async () => {
    let answers = 0;
    server.use(
      http.post(DRAFT_URL, () => {
        answers += 1;
        return answers === 1
          ? new HttpResponse("boom", { status: 500 })
          : HttpResponse.json({ savedAt: SAVED_AT });
      }),
    );
    renderForm();
    await userEvent.type(scoreInput(), "77");
    await waitFor(() => expect(status()).toBe("未保存——正在重试。您输入的内容仍在本页。"));
    expect(scoreInput().value).toBe("77");
    await waitFor(() => expect(status()).toBe("已于 09:02 保存"), { timeout: 2000 });
    expect(answers).toBe(2);
  });

  it("keeps trying while the connection is lost, then saves", async () => {
    let online = false;
    let tries = 0;
    server.use(
      http.post(DRAFT_URL, () => {
        tries += 1;
        return online ? HttpResponse.json({ savedAt: SAVED_AT }) : HttpResponse.error();
      }),
    );
    renderForm();
    await userEvent.type(screen.getByLabelText("评分理由（选填）"), "制度齐全");
    await waitFor(() => expect(status()).toContain("未保存——正在重试"));
    await waitFor(() => expect(tries).toBeGreaterThanOrEqual(2), { timeout: 2000 });
    expect((screen.getByLabelText("评分理由（选填）") as HTMLTextAreaElement).value).toBe(
      "制度齐全",
    );
    online = true;
    await waitFor(() => expect(status()).toBe("已于 09:02 保存"), { timeout: 3000 });
  });

  it("asks to sign in again when the session ended, keeps the value, then saves", async () => {
    let signedIn = false;
    server.use(
      http.post(DRAFT_URL, () =>
        signedIn
          ? HttpResponse.json({ savedAt: SAVED_AT })
          : new HttpResponse(null, { status: 302, headers: { Location: "/login" } }),
      ),
    );
    renderForm();
    await userEvent.type(scoreInput(), "66");
    await waitFor(() => expect(status()).toContain("登录已过期"));
    expect(scoreInput().value).toBe("66");
    signedIn = true;
    await waitFor(() => expect(status()).toBe("已于 09:02 保存"), { timeout: 3000 });
  });

  it("shows the server's refusal (a locked assessment) and does not retry", async () => {
    let tries = 0;
    server.use(
      http.post(DRAFT_URL, () => {
        tries += 1;
        return HttpResponse.json(
          { errors: { form: "评分已提交并锁定，不能再修改。" } },
          { status: 409 },
        );
      }),
    );
    renderForm();
    await userEvent.type(scoreInput(), "9");
    await waitFor(() => expect(status()).toBe("未保存：评分已提交并锁定，不能再修改。"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tries).toBe(1);
    expect(scoreInput().value).toBe("9");
  });
});
