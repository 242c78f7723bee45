import { describe, expect, it } from "vitest";
import { BusyError, ConcurrencyLimit } from "./concurrency-limit";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("ConcurrencyLimit", () => {
  it("runs at most `concurrency` tasks at once, the rest in order as slots free", async () => {
    const limit = new ConcurrencyLimit({ concurrency: 2, maxQueued: 10, retryAfterSeconds: 1 });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 6 }, () => deferred());
    const tasks = gates.map((gate, i) =>
      limit.run(async () => {
        running++;
        peak = Math.max(peak, running);
        order.push(i);
        await gate.promise;
        running--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(limit.running).toBe(2);
    expect(limit.queued).toBe(4);
    for (const gate of gates) {
      gate.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(limit.running).toBe(0);
  });

  it("refuses a task beyond the queue, unless told to wait", async () => {
    const limit = new ConcurrencyLimit({ concurrency: 1, maxQueued: 1, retryAfterSeconds: 3 });
    const gate = deferred();
    const first = limit.run(() => gate.promise);
    const second = limit.run(() => Promise.resolve("second"));
    await expect(limit.run(() => Promise.resolve("third"))).rejects.toEqual(new BusyError(3));
    const patient = limit.run(() => Promise.resolve("patient"), { mayRefuse: false });
    gate.resolve();
    await first;
    expect(await second).toBe("second");
    expect(await patient).toBe("patient");
    expect(limit.running).toBe(0);
  });

  it("frees the slot when a task fails", async () => {
    const limit = new ConcurrencyLimit({ concurrency: 1, maxQueued: 0, retryAfterSeconds: 1 });
    await expect(limit.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limit.run(() => Promise.resolve(1))).toBe(1);
  });
});
