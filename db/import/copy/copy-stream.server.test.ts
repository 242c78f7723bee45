import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { endCopy, send } from "./copy-stream.server";

/** A stream shaped as postgres.js's COPY stream: `_final` sends CopyDone. */
function copyStream(): Writable & { ended: boolean } {
  const stream = new Writable({
    write: (_chunk, _encoding, done) => done(),
    final: (done) => {
      stream.ended = true;
      done();
    },
  }) as Writable & { ended: boolean };
  stream.ended = false;
  stream.on("error", () => {});
  return stream;
}

describe("endCopy", () => {
  it("resolves once the end of the COPY is sent", async () => {
    const stream = copyStream();
    await endCopy(stream);
    expect(stream.ended).toBe(true);
  });

  it("rejects with the stream's error when it failed before its end, instead of waiting", async () => {
    const stream = copyStream();
    const refused = new Error("refused by the server");
    stream.destroy(refused);
    await expect(endCopy(stream)).rejects.toBe(refused);
    expect(stream.ended).toBe(false);
  });
});

describe("send", () => {
  it("rejects at once on a stream that failed, instead of waiting for it to drain", async () => {
    const stream = copyStream();
    const refused = new Error("refused by the server");
    stream.destroy(refused);
    // Its error event is past: nothing more will be emitted.
    await new Promise((resolve) => setImmediate(resolve));
    await expect(send(stream, Buffer.from("x"))).rejects.toBe(refused);
  });
});

describe("send, when the stream closes while the data waits", () => {
  it("rejects instead of waiting for a drain that cannot come", async () => {
    // A stream that never takes its first write: the next waits for a drain.
    const stream = new Writable({ highWaterMark: 1, write: () => {} });
    stream.on("error", () => {});
    const first = send(stream, Buffer.from("xx"));
    const sent = Promise.race([
      first.then(
        () => "sent",
        (error: Error) => error.message,
      ),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 1_000)),
    ]);
    stream.destroy();
    expect(await sent).toMatch(/closed before its data was sent/);
  });
});
