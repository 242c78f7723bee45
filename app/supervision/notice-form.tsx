import { Form, Link } from "@remix-run/react";
import type { NamedFlag } from "../../db/queries/overview.server";
import { CsrfInput, TextAreaField } from "~/components/forms";
import type { I18n } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";

/** How a case stores the flagged object: "project:P-2023.1" or "department:D-01". */
export function flagSubjectOf(flag: { subject: string; code: string }): string {
  return `${flag.subject}:${flag.code}`;
}

/** The key of a flag among the open notices, and (sanitised) the id of its note field. */
export function flagKeyOf(flag: { rule: string; subject: string; code: string }): string {
  return `${flag.rule}|${flagSubjectOf(flag)}`;
}

export function noteFieldId(flag: { rule: string; subject: string; code: string }): string {
  return `note-${flagKeyOf(flag).replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/**
 * A flag's supervision notice (督办): the link to its open case, or the form that opens
 * one with the leader's note. The note is required; a refusal comes back beside it.
 */
export function NoticeCell({
  i18n,
  flag,
  openCaseId,
  error,
  note,
}: {
  i18n: I18n;
  flag: NamedFlag;
  openCaseId: number | undefined;
  error: string | undefined;
  note: string | undefined;
}) {
  if (openCaseId !== undefined) {
    return (
      <Link to={`/supervision/cases/${openCaseId}`}>
        {i18n.t("supervision.notice.open", {
          number: i18n.t("supervision.caseNumber", { id: String(openCaseId) }),
        })}
      </Link>
    );
  }
  const id = noteFieldId(flag);
  return (
    <Form method="post" noValidate className="notice-form">
      <CsrfInput />
      <input type="hidden" name="rule" value={flag.rule} />
      <input type="hidden" name="subject" value={flag.subject} />
      <input type="hidden" name="code" value={flag.code} />
      <TextAreaField
        name="note"
        id={id}
        rows={2}
        error={error}
        defaultValue={note ?? ""}
        label={
          <>
            {i18n.t("supervision.notice.note")}
            <span className="visually-hidden">
              {" "}
              {i18n.t("supervision.notice.noteFor", {
                subject: flag.name,
                rule: i18n.t(`dashboard.rule.${flag.rule}` as MessageKey),
              })}
            </span>
          </>
        }
      />
      <button type="submit" className="button button-secondary">
        {i18n.t("supervision.notice.submit")}
      </button>
    </Form>
  );
}
