/**
 * Saving the rubric form, for the page's buttons and for the autosave endpoint alike:
 * parse (app/evaluation/rubric-form.server.ts), store (db/queries/assessments.server.ts),
 * and say what happened. A refused submission still saves what was typed as the draft.
 */
import {
  loadRubric,
  loadScores,
  saveScores,
  type Actor,
} from "../../db/queries/assessments.server";
import type { AssignmentRow } from "../../db/queries/assignments.server";
import type { Database } from "../../db/client.server";
import type { I18n } from "../i18n/i18n";
import { parseRubricForm, type RubricErrors, type RubricValues } from "./rubric-form.server";
import { lockedFieldError, revisableCriteria } from "./returned-scores.server";
import { refusalOf } from "./workspace.server";

export type SaveOutcome =
  | { status: 200; submitted: boolean; savedAt: string }
  | { status: number; errors: RubricErrors; values?: RubricValues; savedAt?: string };

export async function saveRubric(
  db: Database,
  assignment: AssignmentRow,
  form: FormData,
  mode: "draft" | "submit",
  i18n: I18n,
  actor: Actor,
): Promise<SaveOutcome> {
  const [rubric, stored] = await Promise.all([
    loadRubric(db, assignment.frameworkId),
    loadScores(db, assignment.id),
  ]);
  const criteria = revisableCriteria(rubric, stored);
  const locked = lockedFieldError(form, rubric, criteria, i18n);
  if (locked) return { status: 409, errors: { form: locked } };
  const draft = parseRubricForm(form, criteria, "draft", i18n);
  const checked = mode === "submit" ? parseRubricForm(form, criteria, "submit", i18n) : draft;
  const complete = Object.keys(checked.errors).length === 0;
  const result = await saveScores(
    db,
    {
      assignmentId: assignment.id,
      entries: complete ? checked.entries : draft.entries,
      submit: mode === "submit" && complete,
    },
    actor,
  );
  if (!result.ok) return { ...refusalOf(i18n, result.reason), values: checked.values };
  const savedAt = result.savedAt.toISOString();
  if (!complete) return { status: 400, errors: checked.errors, values: checked.values, savedAt };
  return { status: 200, submitted: mode === "submit", savedAt };
}
