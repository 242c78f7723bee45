import type * as RemixNode from "@remix-run/node";
import type { ServerBuild } from "@remix-run/node";
import type * as RemixReact from "@remix-run/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

const { matchRoutes, handled } = vi.hoisted(() => ({
  matchRoutes: vi.fn(),
  handled: vi.fn(),
}));

// Remix's handler answers "from remix"; the route matcher is the real one, counted.
vi.mock("@remix-run/node", async (original) => ({
  ...(await original<typeof RemixNode>()),
  createRequestHandler: () => async (request: Request) => {
    handled(request.method);
    return new Response("from remix");
  },
}));
vi.mock("@remix-run/react", async (original) => {
  const real = await original<typeof RemixReact>();
  matchRoutes.mockImplementation(real.matchRoutes);
  return { ...real, matchRoutes };
});

// The app's headers read the session cookie, signed with the secret.
process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret";
const { createAppRequestHandler } = await import("./request-handler.server");

/** Two routes: "/" (no action) under the root, and "/form" with an action. */
const build = {
  routes: {
    root: { id: "root", path: "", module: {} },
    "routes/_index": { id: "routes/_index", parentId: "root", index: true, module: {} },
    "routes/form": {
      id: "routes/form",
      parentId: "root",
      path: "form",
      module: { action: () => null },
    },
  },
} as unknown as ServerBuild;

describe("the app's request handler and the methods a route takes", () => {
  beforeEach(() => {
    matchRoutes.mockClear();
    handled.mockClear();
  });

  it("hands GET and HEAD to Remix without matching the routes itself", async () => {
    const handle = createAppRequestHandler(build);
    for (const method of ["GET", "HEAD"]) {
      for (const path of ["/", "/form", "/no-such-page"]) {
        const response = await handle(new Request(`http://x.test${path}`, { method }));
        expect(response.status).toBe(200);
      }
    }
    expect(handled).toHaveBeenCalledTimes(6);
    expect(matchRoutes).not.toHaveBeenCalled();
  });

  it("still answers 405 to a method the route does not take, and OPTIONS with Allow", async () => {
    const handle = createAppRequestHandler(build);
    const put = await handle(new Request("http://x.test/form", { method: "PUT" }));
    expect(put.status).toBe(405);
    expect(put.headers.get("Allow")).toBe("GET, HEAD, POST");
    const postToPage = await handle(new Request("http://x.test/", { method: "POST" }));
    expect(postToPage.status).toBe(405);
    expect(postToPage.headers.get("Allow")).toBe("GET, HEAD");
    const options = await handle(new Request("http://x.test/form", { method: "OPTIONS" }));
    expect(options.status).toBe(204);
    expect(options.headers.get("Allow")).toBe("GET, HEAD, POST");
    const post = await handle(new Request("http://x.test/form", { method: "POST" }));
    expect(await post.text()).toBe("from remix");
    expect(handled).toHaveBeenCalledWith("POST");
    expect(matchRoutes).toHaveBeenCalledTimes(4);
  });
});
