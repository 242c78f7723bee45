import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSettings } from "../../db/settings.server";
import { lockFile } from "../../db/data-dir-lock.server";
import { openMigratedDatabase } from "../../db/open-migrated.server";
import { rebuildAllRollups } from "../../db/rollups/rebuild.server";
import * as schema from "../../db/schema/index";

/** `npm run kpi` as a scheduled job runs it: its own process, on an embedded database folder. */
describe("npm run kpi", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-kpi-"));
  const env = { ...process.env, DATABASE_URL: "", MINGJING_DATA_DIR: dataDir, MINGJING_DEMO: "0" };
  const kpi = (...args: string[]) =>
    spawnSync(process.execPath, ["app/server/run.mjs", "kpi", ...args], {
      env,
      encoding: "utf8",
    });

  beforeAll(async () => {
    const handle = await openMigratedDatabase(parseSettings(env), "test");
    try {
      const [department] = await handle.db
        .insert(schema.departments)
        .values({ code: "CLI", name: "命令行" })
        .returning();
      const received = (day: string, hour: number) =>
        new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);
      await handle.db.insert(schema.appeals).values([
        // Received Friday 2025-09-26; Sunday the 28th is an adjusted working day (调休) before
        // National Day, so the reply on Monday the 29th comes 2 working days after receipt.
        {
          externalId: "C1",
          departmentId: department!.id,
          type: "complaint",
          receivedAt: received("2025-09-26", 10),
          repliedAt: received("2025-09-29", 9),
          satisfaction: 5,
        },
        {
          externalId: "C2",
          departmentId: department!.id,
          type: "consultation",
          receivedAt: received("2025-09-26", 11),
          satisfaction: 2,
        },
        {
          externalId: "C3",
          departmentId: department!.id,
          type: "praise",
          receivedAt: received("2025-10-09", 11),
          repliedAt: received("2025-10-09", 15),
        },
      ]);
      await rebuildAllRollups(handle.db, "Asia/Shanghai");
    } finally {
      await handle.close();
    }
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("prints the appeals KPIs as one JSON object on stdout, and nothing else there", () => {
    const result = kpi(
      "appeals",
      "--from",
      "2025-09-01",
      "--to",
      "2025-10-31",
      "--department",
      "CLI",
    );
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(output).toMatchObject({
      received: 3,
      replied: 2,
      replyRate: 2 / 3,
      onTimeReplyRate: 2 / 3,
      firstContactRate: null,
      medianReplyWorkingDays: 1,
      satisfactionRate: 0.5,
      meanRating: 3.5,
      ratedShare: 0.5,
    });
  });

  it("answers with no data, not 0 %, for a period without appeals", () => {
    const output = JSON.parse(
      kpi("appeals", "--from", "2024-01-01", "--to", "2024-01-31").stdout,
    ) as Record<string, unknown>;
    expect(output).toMatchObject({ received: 0, replyRate: null, satisfactionRate: null });
  });

  it("refuses an unknown department or a bad date with a message and a non-zero exit", () => {
    const unknown = kpi("appeals", "--department", "NOPE");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No department with the code "NOPE"');
    expect(unknown.stdout).toBe("");
    const bad = kpi("appeals", "--from", "2025/01/01");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("must be a date YYYY-MM-DD");
  });

  it("refuses while another live process holds the embedded database", () => {
    fs.writeFileSync(
      lockFile(dataDir),
      JSON.stringify({ pid: process.pid, owner: "the Mingjing server", since: "now" }),
    );
    try {
      const locked = kpi("appeals");
      expect(locked.status).toBe(1);
      expect(locked.stderr).toContain("is open by the Mingjing server");
    } finally {
      fs.rmSync(lockFile(dataDir), { force: true });
    }
  });
});
