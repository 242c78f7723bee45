import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { parseSettings } from "../../db/settings.server";
import { openMigratedDatabase } from "../../db/open-migrated.server";
import * as schema from "../../db/schema/index";

/** `npm run import` in its own process, on an embedded database folder of its own. */
describe("npm run import", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-import-cli-"));
  const env = { ...process.env, DATABASE_URL: "", MINGJING_DATA_DIR: dataDir, MINGJING_DEMO: "0" };
  const runCli = (...args: string[]) =>
    spawnSync(process.execPath, ["app/server/run.mjs", "import", ...args], {
      env,
      encoding: "utf8",
    });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const calendarDays = async () => {
    const handle = await openMigratedDatabase(parseSettings(env), "test");
    try {
      const days = await handle.db
        .select({ n: count() })
        .from(schema.calendarDays)
        .where(eq(schema.calendarDays.source, "import"));
      return days[0]?.n ?? 0;
    } finally {
      await handle.close();
    }
  };

  it("reports a record with a field more than the header, and with --skip-invalid stores the rest", async () => {
    const tsv = path.join(dataDir, "holidays.tsv");
    fs.writeFileSync(
      tsv,
      [
        "date\tworking\tname",
        "2025-10-01\t否\t国庆节",
        "2025-10-02\t否\t国庆节\t多余",
        "2025-10-03\t否\t国庆节",
      ].join("\n"),
    );
    const refused = runCli("--kind", "calendar", tsv);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stdout).toContain("holidays.tsv was refused, nothing stored");
    expect(refused.stderr).toMatch(/^holidays\.tsv,3,field 4,,"has 4 fields, the header has 3: /m);

    const stored = runCli("--kind", "calendar", "--skip-invalid", tsv);
    expect(stored.status, stored.stderr).toBe(0);
    expect(stored.stdout).toContain("3 rows read, 2 valid, 1 invalid");
    expect(stored.stdout).toMatch(/^holidays\.tsv,3,field 4,,"has 4 fields, the header has 3: /m);
    expect(await calendarDays()).toBe(2);
  }, 120_000);
});
