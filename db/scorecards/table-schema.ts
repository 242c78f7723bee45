/**
 * The JSON download of one published table (db/scorecards/tables.ts), as the OpenAPI
 * document describes it and the tests check it. Kept apart from the table definitions so
 * the pages that link the downloads do not carry zod's schema into the browser.
 */
import { z } from "zod";
import { SCORECARD_SUBJECTS } from "./payload";

export const publishedTableSchema = z.object({
  subject: z.enum(SCORECARD_SUBJECTS),
  code: z.string(),
  version: z.number().int().min(1),
  publishedAt: z.string(),
  dataCutoff: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  table: z.string(),
  /** The rows' keys in order; the CSV's header. */
  columns: z.array(z.string()),
  /** A withheld figure is null, with `suppressed: true` in its row. */
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  /** The whole snapshot in the open data API. */
  scorecard: z.string(),
});
export type PublishedTableBody = z.infer<typeof publishedTableSchema>;
