import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { createTestDatabase } from "../setup/test-database";

type Handler = (request: Request) => Promise<Response>;

/**
 * /ping: the process answers, the database untouched — the trivial route the public
 * benchmark drives beside the pages. With the database closed, /healthz fails and /ping
 * still says "ok".
 */
describe("/ping", () => {
  let handle: DbHandle;
  let handler: Handler;

  beforeAll(async () => {
    handle = await createTestDatabase();
    handler = await createAppHandler(handle);
  });
  afterAll(async () => {
    await handle.close().catch(() => undefined);
  });

  it("answers ok, uncached, to anyone, with the app's security headers", async () => {
    const response = await new TestClient(handler).get("/ping");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("takes GET and HEAD only", async () => {
    const client = new TestClient(handler);
    expect((await client.request("/ping", { method: "HEAD" })).status).toBe(200);
    expect((await client.request("/ping", { method: "PUT" })).status).toBe(405);
  });

  it("does not touch the database: it answers while /healthz cannot", async () => {
    await handle.close();
    const client = new TestClient(handler);
    expect((await client.get("/healthz")).status).toBe(503);
    const ping = await client.get("/ping");
    expect(ping.status).toBe(200);
    expect(await ping.text()).toBe("ok");
  });
});
