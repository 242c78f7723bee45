import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });

/** The layer rule's messages for a file of the given path holding the given source. */
async function layerErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId?.endsWith("no-restricted-imports"))
    .map((message) => message.message);
}

describe("lint keeps the layers of DESIGN.md", () => {
  it.each([
    [
      "metrics/new-kpi.ts",
      'import { getDb } from "../db/runtime.server";\nexport const x = getDb;\n',
    ],
    ["metrics/new-kpi.ts", 'import { sql } from "drizzle-orm";\nexport const x = sql;\n'],
    ["metrics/sub/new-kpi.ts", 'import { t } from "../../app/i18n/i18n";\nexport const x = t;\n'],
    [
      "db/queries/new.server.ts",
      'import { x } from "../../app/utils/format";\nexport const y = x;\n',
    ],
    ["db/queries/new.server.ts", 'import { x } from "~/utils/format";\nexport const y = x;\n'],
    ["seeds/demo/new.ts", 'import { x } from "../../app/utils/format";\nexport const y = x;\n'],
    [
      "app/components/new-panel.tsx",
      'import { getDb } from "../../db/runtime.server";\nexport const x = getDb;\n',
    ],
    ["app/components/new-panel.tsx", 'import fs from "node:fs";\nexport const x = fs;\n'],
    [
      "app/imports/new-form.tsx",
      'import { getDb } from "../../db/runtime.server";\nexport const x = getDb;\n',
    ],
  ])("refuses %s importing across a layer: %s", async (file, source) => {
    expect(await layerErrors(file, source)).toHaveLength(1);
  });

  it.each([
    ["metrics/new-kpi.ts", 'import { ratio } from "./ratio";\nexport const x = ratio;\n'],
    [
      "db/queries/new.server.ts",
      'import { ratio } from "../../metrics/ratio";\nexport const x = ratio;\n',
    ],
    [
      "app/routes/new.tsx",
      'import { getDb } from "../../db/runtime.server";\nexport const x = getDb;\n',
    ],
    [
      "app/components/new-panel.tsx",
      'import type { KpiTile } from "../../db/queries/overview.server";\nexport type X = KpiTile;\n',
    ],
  ])("allows %s: %s", async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  });

  it("finds no forbidden import in the project as it is", async () => {
    const results = await eslint.lintFiles(["app", "db", "metrics", "seeds"]);
    const crossings = results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId?.endsWith("no-restricted-imports"))
        .map((message) => `${result.filePath}:${message.line} ${message.message}`),
    );
    expect(crossings).toEqual([]);
  });
});
