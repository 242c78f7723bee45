import { describe, expect, it } from "vitest";
import { MAX_FORM_BYTES, readFormBody } from "./form-body.server";

const FORM = "application/x-www-form-urlencoded";

async function refusal(request: Request): Promise<Response> {
  try {
    await readFormBody(request);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("the form was read");
}

/** A body that arrives in pieces, with no Content-Length, as a chunked upload does. */
function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new TextEncoder().encode("a=".padEnd(Math.min(64 * 1024, bytes - sent), "x"));
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe("readFormBody", () => {
  it("reads a form of ordinary size", async () => {
    const body = new URLSearchParams({ score: "85", justification: "理由".repeat(2_000) });
    const form = await readFormBody(
      new Request("http://x.test/", { method: "POST", body, headers: { "Content-Type": FORM } }),
    );
    expect(form.get("score")).toBe("85");
  });

  it("refuses a body declaring more than the cap with 413, before reading it", async () => {
    const request = new Request("http://x.test/", {
      method: "POST",
      body: "a=1",
      headers: { "Content-Type": FORM, "Content-Length": String(MAX_FORM_BYTES + 1) },
    });
    const answer = await refusal(request);
    expect(answer.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it("refuses a body that passes the cap while it streams, whatever it declared", async () => {
    const request = new Request("http://x.test/", {
      method: "POST",
      body: streamOf(MAX_FORM_BYTES * 3),
      headers: { "Content-Type": FORM },
      duplex: "half",
    } as RequestInit);
    expect((await refusal(request)).status).toBe(413);
  });

  it("refuses what is no form with 415", async () => {
    const request = new Request("http://x.test/", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json" },
    });
    expect((await refusal(request)).status).toBe(415);
  });
});
