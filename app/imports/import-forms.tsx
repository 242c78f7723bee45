import { useState, type FormEvent } from "react";
import type { ImportKind } from "../../db/schema/enums";
import { useI18n, type I18n } from "~/i18n/i18n";
import { kindLabel } from "~/imports/kinds";
import { formatSize, importMessage } from "~/imports/messages";
import { CsrfInput, ErrorSummary, type FieldErrors } from "../components/forms";
import { ImportJobProgress } from "./import-progress";
import type { JobStatus } from "./job-status";

export interface UploadValues {
  kind: string;
  encoding: string;
  sheet: string;
  skipInvalid: boolean;
}

type Sent = { ok: true; job: JobStatus } | { ok: false; errors: FieldErrors };

/** Reads the JSON answer of POST /imports/jobs (a started job, or what to correct). */
function answerOf(i18n: I18n, status: number, text: string): Sent {
  try {
    const body = JSON.parse(text) as { job?: JobStatus; errors?: FieldErrors };
    if (body.job) return { ok: true, job: body.job };
    if (body.errors) return { ok: false, errors: body.errors };
  } catch {
    // Not JSON: a refusal in plain text (e.g. a stale security token).
  }
  return {
    ok: false,
    errors: {
      form:
        status === 403
          ? i18n.t("imports.form.refused")
          : i18n.t("imports.form.serverError", { status: String(status) }),
    },
  };
}

/**
 * The upload form. Without JavaScript it posts to /imports/new and the server answers with
 * the preview once the file is checked. With it, the file goes up by XHR to /imports/jobs
 * with a bar for the upload's bytes, then the check's progress is polled.
 */
export function ImportUploadForm({
  kinds,
  maxBytes,
  errors: serverErrors,
  values,
}: {
  kinds: readonly ImportKind[];
  maxBytes: number;
  errors: FieldErrors | undefined;
  values: UploadValues | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [errors, setErrors] = useState<FieldErrors | undefined>(serverErrors);
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    event.preventDefault();
    if (!(file instanceof File) || file.name === "") {
      setErrors({ file: t("imports.upload.chooseFile") });
      return;
    }
    if (file.size > maxBytes) {
      setErrors({
        file: importMessage(i18n, { key: "imports.upload.tooLarge", sizes: { limit: maxBytes } }),
      });
      return;
    }
    setErrors(undefined);
    setUpload({ sent: 0, total: file.size });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/imports/jobs");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setUpload({ sent: progress.loaded, total: progress.total });
    };
    xhr.onload = () => {
      const answer = answerOf(i18n, xhr.status, xhr.responseText);
      setUpload(null);
      if (answer.ok) setJob(answer.job);
      else setErrors(answer.errors);
    };
    xhr.onerror = () => {
      setUpload(null);
      setErrors({ form: t("imports.form.offline") });
    };
    xhr.send(data);
  };

  if (job) return <ImportJobProgress jobId={job.id} />;
  const fieldError = (name: string) =>
    errors?.[name] ? (
      <p className="error-message" id={`${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  return (
    <>
      <ErrorSummary errors={errors} />
      <form
        method="post"
        action="/imports/new"
        encType="multipart/form-data"
        className="import-upload-form"
        onSubmit={onSubmit}
        noValidate
      >
        {/* The token comes first: the server checks it before it stores the file. */}
        <CsrfInput />
        <div className={errors?.kind ? "field field-error" : "field"}>
          <label htmlFor="kind">{t("imports.form.kind")}</label>
          <p className="hint" id="kind-hint">
            {t("imports.form.kindHintBefore")}
            <a href="/imports/columns">{t("imports.form.kindHintLink")}</a>
            {t("imports.form.kindHintAfter")}
          </p>
          {fieldError("kind")}
          <select
            id="kind"
            name="kind"
            defaultValue={values?.kind ?? ""}
            aria-describedby={errors?.kind ? "kind-hint kind-error" : "kind-hint"}
            aria-invalid={errors?.kind ? true : undefined}
          >
            <option value="" disabled>
              {t("imports.form.chooseKind")}
            </option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(i18n, kind)}
              </option>
            ))}
          </select>
        </div>
        <div className={errors?.file ? "field field-error" : "field"}>
          <label htmlFor="file">{t("imports.form.file")}</label>
          <p className="hint" id="file-hint">
            {t("imports.form.fileHint", { size: formatSize(i18n, maxBytes) })}
          </p>
          {fieldError("file")}
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values"
            aria-describedby={errors?.file ? "file-hint file-error" : "file-hint"}
            aria-invalid={errors?.file ? true : undefined}
          />
        </div>
        <fieldset className="field">
          <legend>{t("imports.form.encoding")}</legend>
          {fieldError("encoding")}
          {[
            ["auto", t("imports.form.encodingAuto")],
            ["utf-8", "UTF-8"],
            ["gb18030", "GB18030 / GBK"],
          ].map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="encoding"
                value={value}
                defaultChecked={(values?.encoding ?? "auto") === value}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
        <div className={errors?.sheet ? "field field-error" : "field"}>
          <label htmlFor="sheet">{t("imports.form.sheet")}</label>
          <p className="hint" id="sheet-hint">
            {t("imports.form.sheetHint")}
          </p>
          {fieldError("sheet")}
          <input
            id="sheet"
            name="sheet"
            type="text"
            defaultValue={values?.sheet ?? ""}
            aria-describedby={errors?.sheet ? "sheet-hint sheet-error" : "sheet-hint"}
          />
        </div>
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              name="skipInvalid"
              value="on"
              defaultChecked={values?.skipInvalid ?? false}
            />{" "}
            {t("imports.form.skipInvalid")}
          </label>
        </div>
        {upload ? (
          <div className="import-progress" aria-live="polite">
            <p className="import-progress-label" id="upload-label">
              {t("imports.form.uploading")}
            </p>
            <progress aria-labelledby="upload-label" max={upload.total || 1} value={upload.sent} />
            <p className="import-progress-text">
              {t("imports.form.sent", {
                sent: formatSize(i18n, upload.sent),
                total: formatSize(i18n, upload.total),
              })}
            </p>
          </div>
        ) : (
          <button type="submit" className="button">
            {t("imports.form.submit")}
          </button>
        )}
      </form>
    </>
  );
}

/**
 * Commits a checked upload. Without JavaScript it posts to the preview page, which answers
 * when the import has ended; with it, the commit's progress is shown while it runs.
 */
export function ImportCommitForm({
  uploadId,
  skipInvalid,
}: {
  uploadId: string;
  skipInvalid: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [job, setJob] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSending(true);
    setError(null);
    fetch(`/imports/jobs?upload=${encodeURIComponent(uploadId)}`, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(async (response) => {
        const answer = answerOf(i18n, response.status, await response.text());
        if (answer.ok) setJob(answer.job);
        else setError(Object.values(answer.errors).filter(Boolean).join(" "));
      })
      .catch(() => setError(t("imports.form.offline")))
      .finally(() => setSending(false));
  };

  if (job) return <ImportJobProgress jobId={job.id} />;
  return (
    <form method="post" className="import-commit-form" onSubmit={onSubmit}>
      <CsrfInput />
      <input type="hidden" name="intent" value="commit" />
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label className="choice">
          <input type="checkbox" name="skipInvalid" value="on" defaultChecked={skipInvalid} />{" "}
          {t("imports.form.commitSkipInvalid")}
        </label>
      </div>
      <button type="submit" className="button" disabled={sending}>
        {t("imports.form.commit")}
      </button>
    </form>
  );
}
