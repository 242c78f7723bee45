/** The demo's portal: every department and twelve projects published, one corrected. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import * as schema from "../../db/schema/index";
import { DEMO_CORRECTION, DEMO_PUBLISHED_PROJECTS } from "../../seeds/demo/scorecards.server";
import { defaultDemo, seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { createTestDatabase } from "../setup/test-database";

describe("demo scorecards", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoIfEmpty(handle, "Asia/Shanghai");
  });
  afterAll(async () => {
    await handle.close();
  });

  it("publishes version 1 of every department and of projects under way, and one correction", async () => {
    const rows = await handle.db.select().from(schema.scorecardSnapshots);
    const departments = rows.filter((row) => row.subject === "department");
    expect(departments.map((row) => row.subjectCode).sort()).toEqual(
      defaultDemo()
        .departments.map((row) => String(row.code))
        .sort(),
    );
    expect(departments.every((row) => row.version === 1)).toBe(true);
    const projects = rows.filter((row) => row.subject === "project");
    expect(new Set(projects.map((row) => row.subjectCode)).size).toBe(DEMO_PUBLISHED_PROJECTS);
    const corrections = rows.filter((row) => row.version > 1);
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({ version: 2, correctionReason: DEMO_CORRECTION.reason });
    const first = projects.find(
      (row) => row.subjectCode === corrections[0]?.subjectCode && row.version === 1,
    );
    expect(first?.dataCutoff).toBe(DEMO_CORRECTION.firstCutoff);
    const audit = await handle.db.select().from(schema.auditEvents);
    expect(audit.filter((row) => row.action === "scorecard.published")).toHaveLength(
      rows.length - 1,
    );
    expect(audit.filter((row) => row.action === "scorecard.corrected")).toHaveLength(1);
  });
});
