import { useState, type FormEvent } from "react";
import { CsrfInput, ErrorSummary, type FieldErrors } from "./forms";
import { formatSize, ImportJobProgress, type JobStatus } from "./import-progress";

export interface UploadValues {
  kind: string;
  encoding: string;
  sheet: string;
  skipInvalid: boolean;
}

type Sent = { ok: true; job: JobStatus } | { ok: false; errors: FieldErrors };

/** Reads the JSON answer of POST /imports/jobs (a started job, or what to correct). */
function answerOf(status: number, text: string): Sent {
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
          ? "请求被拒绝：请刷新页面后重试。The request was refused: reload the page and try again."
          : `服务器出错 (${status})，请重试。The server answered with an error (${status}): try again.`,
    },
  };
}

const OFFLINE =
  "无法连接服务器，请检查网络连接后重试。Cannot reach the server: check your connection and try again.";

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
  kinds: Array<{ value: string; label: string }>;
  maxBytes: number;
  errors: FieldErrors | undefined;
  values: UploadValues | undefined;
}) {
  const [errors, setErrors] = useState<FieldErrors | undefined>(serverErrors);
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    event.preventDefault();
    if (!(file instanceof File) || file.name === "") {
      setErrors({ file: "请选择文件 Choose a file to upload" });
      return;
    }
    if (file.size > maxBytes) {
      setErrors({
        file: `文件太大：上限为 ${formatSize(maxBytes)}。The file is too large: the limit is ${formatSize(maxBytes)}.`,
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
      const answer = answerOf(xhr.status, xhr.responseText);
      setUpload(null);
      if (answer.ok) setJob(answer.job);
      else setErrors(answer.errors);
    };
    xhr.onerror = () => {
      setUpload(null);
      setErrors({ form: OFFLINE });
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
          <label htmlFor="kind">数据类型 Kind of data</label>
          <p className="hint" id="kind-hint">
            每种数据一个文件；各列见<a href="/imports/columns">列说明 column reference</a>。One file
            per kind.
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
              请选择 Choose a kind
            </option>
            {kinds.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        </div>
        <div className={errors?.file ? "field field-error" : "field"}>
          <label htmlFor="file">文件 File</label>
          <p className="hint" id="file-hint">
            CSV、TSV 或 Excel (.xlsx)，最大 {formatSize(maxBytes)}。CSV, TSV or .xlsx, at most{" "}
            {formatSize(maxBytes)}.
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
          <legend>编码 Encoding (CSV)</legend>
          {fieldError("encoding")}
          {[
            ["auto", "自动识别 Detect (UTF-8, else GB18030)"],
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
          <label htmlFor="sheet">工作表 Sheet (.xlsx, optional)</label>
          <p className="hint" id="sheet-hint">
            留空则读取第一个可见工作表 Empty: the first visible sheet.
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
            跳过无效行 Skip invalid rows (store the valid ones, report the others)
          </label>
        </div>
        {upload ? (
          <div className="import-progress" aria-live="polite">
            <p className="import-progress-label" id="upload-label">
              正在上传 Uploading
            </p>
            <progress aria-labelledby="upload-label" max={upload.total || 1} value={upload.sent} />
            <p className="import-progress-text">
              已上传 Sent {formatSize(upload.sent)} / {formatSize(upload.total)}
            </p>
          </div>
        ) : (
          <button type="submit" className="button">
            上传并预览 Upload and preview
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
        const answer = answerOf(response.status, await response.text());
        if (answer.ok) setJob(answer.job);
        else setError(Object.values(answer.errors).filter(Boolean).join(" "));
      })
      .catch(() => setError(OFFLINE))
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
          跳过无效行 Skip invalid rows (store the valid ones)
        </label>
      </div>
      <button type="submit" className="button" disabled={sending}>
        确认导入 Commit the import
      </button>
    </form>
  );
}
