import { Writable } from "node:stream";
import type postgres from "postgres";
import { describe, expect, it } from "vitest";
import { createWorkingDayCalendar } from "../../metrics/working-days";
import { dayNumberFromParts } from "../../metrics/iso-date";
import { AppealRollupDeltas } from "./appeal-deltas.server";
import type { ImportRow, Tx } from "./kinds/kind";

const clock = {
  calendar: createWorkingDayCalendar([]),
  timeZone: "Asia/Shanghai",
  replyLimitWorkingDaysByType: {},
};

const march = (day: number) => new Date(`2026-03-${String(day).padStart(2, "0")}T12:00:00+08:00`);

/** An appeal of department 1 received at noon, local time, on a day of March 2026, replied the next. */
const appeal = (day: number, type = "complaint"): ImportRow => ({
  departmentId: 1,
  type,
  receivedAt: march(day),
  firstContactAt: null,
  repliedAt: march(day + 1),
  dueAt: null,
  satisfaction: null,
});

/**
 * A connection and a transaction that only record how cells were written: "copy" for an
 * append by COPY, "upsert" for INSERT … ON CONFLICT. `stored` is the span of days of the
 * roll-up rows stored before the import, or null for none.
 */
function recorder(stored: { first: number; last: number } | null) {
  const writes: string[] = [];
  let spanQueries = 0;
  const client = {
    unsafe(text: string) {
      const copy = /^copy (\w+)/.exec(text.trim());
      if (copy) {
        writes.push(`copy ${copy[1]}`);
        return {
          reject: () => {},
          writable: async () =>
            new Writable({ write: (_chunk, _encoding, done) => done(), final: (done) => done() }),
        };
      }
      spanQueries += 1;
      return Promise.resolve([stored ?? { first: null, last: null }]);
    },
  } as unknown as postgres.Sql;
  const tx = {
    execute: async () => {
      writes.push("upsert");
      return [];
    },
  } as unknown as Tx;
  return { client, tx, writes, spanQueries: () => spanQueries };
}

/** Adds each chunk in turn, then finishes; returns how each batch of cells was written. */
async function write(stored: { first: number; last: number } | null, chunks: ImportRow[][]) {
  const { client, tx, writes, spanQueries } = recorder(stored);
  const deltas = new AppealRollupDeltas(clock);
  for (const chunk of chunks) await deltas.add(tx, deltas.count(chunk), client);
  await deltas.finish(tx, client);
  return { writes, spanQueries: spanQueries() };
}

const COPIED = ["copy appeal_day_rollups", "copy appeal_reply_day_rollups"];
/** An upsert of day rows, then one of reply rows. */
const UPSERTED = ["upsert", "upsert"];

describe("AppealRollupDeltas on PostgreSQL", () => {
  it("appends by COPY the cells of days no roll-up row is on, asking for the stored days once", async () => {
    // Days 1–2, then 2 (held back) and 3, then 3 and 4: each day written once, in order.
    const result = await write(null, [
      [appeal(1), appeal(1, "praise"), appeal(2)],
      [appeal(2), appeal(3)],
      [appeal(3), appeal(4)],
    ]);
    expect(result.writes).toEqual([...COPIED, ...COPIED, ...COPIED, ...COPIED]);
    expect(result.spanQueries).toBe(1);
  });

  it("upserts cells on a day this import has written already", async () => {
    // The file goes back to day 1 after days 1 and 2 were written.
    const result = await write(null, [[appeal(1), appeal(2), appeal(3)], [appeal(1)]]);
    expect(result.writes).toEqual([...COPIED, ...UPSERTED, ...COPIED]);
  });

  it("upserts cells on days within the span of the stored roll-up rows, appends after it", async () => {
    const first = dayNumberFromParts(2026, 3, 2);
    const last = dayNumberFromParts(2026, 3, 3);
    const result = await write({ first, last }, [
      [appeal(1), appeal(2)],
      [appeal(4), appeal(5)],
    ]);
    // Day 1 lies before the span; day 2, held back and written with day 4, within it; day 5 after it.
    expect(result.writes).toEqual([...COPIED, ...UPSERTED, ...COPIED]);
  });
});
