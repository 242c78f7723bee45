import { Writable } from "node:stream";
import type postgres from "postgres";
import { describe, expect, it } from "vitest";
import { createWorkingDayCalendar } from "../../metrics/working-days";
import { dayNumberFromParts } from "../../metrics/iso-date";
import { DerivedRollupSpan } from "../rollups/appeal-derived-rollups.server";
import { AppealRollupDeltas } from "./appeal-deltas.server";
import type { ImportRow, Tx } from "./kinds/kind";

const clock = {
  calendar: createWorkingDayCalendar([]),
  timeZone: "Asia/Shanghai",
  replyLimitWorkingDaysByType: {},
};

const march = (day: number) =>
  new Date(Date.parse("2026-03-01T12:00:00+08:00") + (day - 1) * 86_400_000);

/** An appeal received at noon, local time, on a day of March 2026 (32: April 1), replied the next. */
const appeal = (day: number, type = "complaint", departmentId = 1): ImportRow => ({
  departmentId,
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
  /** The text each COPY sent, by table. */
  const copied = new Map<string, string>();
  let spanQueries = 0;
  const client = {
    unsafe(text: string) {
      const copy = /^copy (\w+)/.exec(text.trim());
      if (copy) {
        const table = copy[1]!;
        writes.push(`copy ${table}`);
        return {
          reject: () => {},
          writable: async () =>
            new Writable({
              write: (chunk: Buffer, _encoding, done) => {
                copied.set(table, (copied.get(table) ?? "") + chunk.toString("utf8"));
                done();
              },
              final: (done) => done(),
            }),
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
  return { client, tx, writes, copied, spanQueries: () => spanQueries };
}

/** Adds each chunk in turn, then finishes; returns how each batch of cells was written. */
async function write(
  stored: { first: number; last: number } | null,
  chunks: ImportRow[][],
  cellsPerWrite = 1,
) {
  const { client, tx, writes, copied, spanQueries } = recorder(stored);
  const deltas = new AppealRollupDeltas(clock, cellsPerWrite);
  for (const chunk of chunks) await deltas.add(tx, deltas.count(chunk), client);
  await deltas.finish(tx, client);
  return { writes, copied, spanQueries: spanQueries() };
}

const COPIED = ["copy appeal_day_rollups"];
/** An upsert of day rows (their reply-time histograms with them). */
const UPSERTED = ["upsert"];

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

  it("waits for enough cells to write them together, each cell once with every chunk's count", async () => {
    // Four cells wanted: days 1–2 wait for day 3's chunk, then go; day 3 (the latest) waits
    // on, takes the third chunk's appeal, and goes with day 4 at the end.
    const result = await write(
      null,
      [
        [appeal(1), appeal(1, "praise"), appeal(2)],
        [appeal(2), appeal(3)],
        [appeal(3), appeal(4)],
      ],
      4,
    );
    expect(result.writes).toEqual([...COPIED, ...COPIED]);
    const rows = (result.copied.get("appeal_day_rollups") ?? "")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("\t"));
    // Each appeal is replied the next day: its cell's histogram holds every one of them.
    for (const row of rows) {
      const histogram = JSON.parse(row.at(-1)!.replace("{", "[").replace("}", "]")) as number[];
      expect(histogram.reduce((sum, replies) => sum + replies, 0)).toBe(Number(row[3]));
      expect(histogram.at(-1)).toBeGreaterThan(0);
    }
    const received = rows.map((row) => row.slice(1, 4).join(" "));
    expect(received).toEqual([
      "2026-03-01 complaint 1",
      "2026-03-01 praise 1",
      "2026-03-02 complaint 2",
      "2026-03-03 complaint 2",
      "2026-03-04 complaint 1",
    ]);
  });

  it("upserts cells on a day this import has written already", async () => {
    // The file goes back to day 1 after days 1 and 2 were written.
    const result = await write(null, [[appeal(1), appeal(2), appeal(3)], [appeal(1)]]);
    expect(result.writes).toEqual([...COPIED, ...UPSERTED, ...COPIED]);
  });

  it("upserts cells on a day an earlier chunk wrote without COPY", async () => {
    const { client, tx, writes } = recorder(null);
    const deltas = new AppealRollupDeltas(clock, 1);
    // Day 1 copied; days 2–3 upserted (no connection given: the batched way); day 3 again.
    await deltas.add(tx, deltas.count([appeal(1), appeal(2)]), client);
    await deltas.add(tx, deltas.count([appeal(3), appeal(4)]));
    await deltas.add(tx, deltas.count([appeal(3), appeal(5)]), client);
    await deltas.finish(tx, client);
    expect(writes).toEqual([...COPIED, ...UPSERTED, ...UPSERTED, ...COPIED]);
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

describe("AppealRollupDeltas.writeDerived", () => {
  /** The first `columns` fields of each COPY line of a table, sorted. */
  const lines = (copied: Map<string, string>, table: string, columns: number) =>
    (copied.get(table) ?? "")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("\t").slice(0, columns).join(" "))
      .sort();

  /** Replies (the last field) summed by the first `keyColumns` fields of a table's COPY lines. */
  const replies = (copied: Map<string, string>, table: string, keyColumns: number) => {
    const sums: Record<string, number> = {};
    for (const line of (copied.get(table) ?? "").split("\n").filter(Boolean)) {
      const fields = line.split("\t");
      const key = fields.slice(0, keyColumns).join(" ");
      sums[key] = (sums[key] ?? 0) + Number(fields.at(-1));
    }
    return sums;
  };

  it("appends the month and day rows of months and days outside the stored span, unless recounted", async () => {
    // Roll-up rows are stored on March 2–3: March's months are summed on the server, as is
    // department 1's April, whose April 3 cell is recounted; department 2's April is new.
    const stored = { first: dayNumberFromParts(2026, 3, 2), last: dayNumberFromParts(2026, 3, 3) };
    const { client, tx, copied } = recorder(stored);
    const deltas = new AppealRollupDeltas(clock, 1);
    const rows = [
      appeal(1),
      appeal(2),
      appeal(5),
      appeal(32),
      appeal(32, "complaint", 2),
      appeal(33, "praise", 2),
    ];
    await deltas.add(tx, deltas.count(rows), client);
    await deltas.finish(tx, client);
    const recounted = new DerivedRollupSpan([{ departmentId: 1, day: "2026-04-03" }]);
    const left = await deltas.writeDerived(client, recounted);

    expect(lines(copied, "appeal_month_rollups", 4)).toEqual([
      "2 2026-04-01 complaint 1",
      "2 2026-04-01 praise 1",
    ]);
    // Every appeal is replied: replies per key, whatever number of working days it took.
    expect(replies(copied, "appeal_reply_month_rollups", 2)).toEqual({ "2 2026-04-01": 2 });
    expect(replies(copied, "appeal_total_reply_day_rollups", 1)).toEqual({
      "2026-03-01": 1,
      "2026-03-05": 1,
      "2026-04-01": 2,
      "2026-04-02": 1,
    });
    expect([...left.months.keys()].sort()).toEqual(["1|2026-03-01", "1|2026-04-01"]);
    expect([...left.days]).toEqual(["2026-03-02"]);
  });

  it("leaves every row to the server without a stored span to test against (PGlite)", async () => {
    const { tx, copied } = recorder(null);
    const deltas = new AppealRollupDeltas(clock, 1);
    await deltas.add(tx, deltas.count([appeal(1), appeal(2)]));
    await deltas.finish(tx);
    const left = await deltas.writeDerived(undefined, new DerivedRollupSpan());
    expect(copied.size).toBe(0);
    expect([...left.months.keys()]).toEqual(["1|2026-03-01"]);
    expect([...left.days].sort()).toEqual(["2026-03-01", "2026-03-02"]);
  });
});
