/**
 * The ids of /compare: `ids=project:MJ-001,project:MJ-002` (or `ids` repeated, as the
 * picker's checkboxes send them). Each id names its subject, so an address says by itself
 * what it compares, and a project beside a department is refused rather than guessed at.
 */
import { SCORECARD_SUBJECTS, type ScorecardSubject } from "../../db/scorecards/payload";

/** At most this many scorecards side by side: the table stays readable on a phone. */
export const COMPARE_MAX = 5;

export type CompareIds =
  | { ok: true; subject: ScorecardSubject | null; codes: string[] }
  | {
      ok: false;
      problem: "too_many" | "mixed" | "duplicate" | "malformed";
      /** The values at fault, as given (for the message). */
      values: string[];
      /** Every id that could be read, so the picker keeps the visitor's choice. */
      chosen: string[];
    };

/** The id of a subject's scorecard in /compare's address. */
export const compareId = (subject: ScorecardSubject, code: string) => `${subject}:${code}`;

const ID = /^([a-z]+):([^\s,:]{1,64})$/;

/** Reads `ids` from a query string; no id at all is fine (the picker alone). */
export function parseCompareIds(params: URLSearchParams): CompareIds {
  const raw = params
    .getAll("ids")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
  const malformed: string[] = [];
  const read: { subject: ScorecardSubject; code: string; id: string }[] = [];
  for (const value of raw) {
    const match = ID.exec(value);
    const subject = match?.[1];
    if (!match || !(SCORECARD_SUBJECTS as readonly string[]).includes(subject ?? "")) {
      malformed.push(value);
      continue;
    }
    read.push({ subject: subject as ScorecardSubject, code: match[2]!, id: value });
  }
  const chosen = read.map((entry) => entry.id);
  if (malformed.length > 0) return { ok: false, problem: "malformed", values: malformed, chosen };
  const subjects = [...new Set(read.map((entry) => entry.subject))];
  if (subjects.length > 1) return { ok: false, problem: "mixed", values: subjects, chosen };
  const duplicates = chosen.filter((id, index) => chosen.indexOf(id) !== index);
  if (duplicates.length > 0)
    return { ok: false, problem: "duplicate", values: [...new Set(duplicates)], chosen };
  if (read.length > COMPARE_MAX)
    return { ok: false, problem: "too_many", values: [String(read.length)], chosen };
  return { ok: true, subject: subjects[0] ?? null, codes: read.map((entry) => entry.code) };
}
