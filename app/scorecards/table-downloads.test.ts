import { describe, expect, it } from "vitest";
import { SCORECARD_SUBJECTS } from "../../db/scorecards/payload";
import { tablesOf } from "../../db/scorecards/tables";
import { messages } from "~/i18n/messages";

describe("published tables' names", () => {
  it("has a name in both languages for every table a scorecard links", () => {
    for (const subject of SCORECARD_SUBJECTS) {
      for (const table of tablesOf(subject)) {
        const entry = (messages as Record<string, { zh: string; en: string } | undefined>)[
          `opendata.table.${table.id}`
        ];
        expect(entry, `${subject} ${table.id}`).toBeDefined();
        expect(entry!.zh && entry!.en).toBeTruthy();
      }
    }
  });
});
