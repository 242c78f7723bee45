import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { FilePreview } from "../../db/import/preview.server";
import { CsrfInput } from "~/components/forms";
import { ImportCommitForm } from "~/components/import-forms";
import { formatSize, ImportJobProgress } from "~/components/import-progress";
import { readForm } from "~/utils/csrf.server";
import { jobStatus, runningJobOf, startCommit } from "~/utils/import-jobs.server";
import { IMPORT_KIND_LABELS } from "~/utils/import-kinds";
import { discardUpload, findUpload } from "~/utils/import-uploads.server";
import { notFound, requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `预览 Preview ${data?.upload.fileName ?? ""} · 明镜 Mingjing` },
];

/** Errors shown on the page; the CSV has them all. */
const SHOWN_ERRORS = 200;

const DELIMITER_NAMES: Record<string, string> = {
  ",": "逗号 comma (,)",
  ";": "分号 semicolon (;)",
  "\t": "制表符 tab",
};

/** Personal data never leaves the server, not even back to the person who uploaded it. */
function withoutPersonalData(preview: FilePreview | null): FilePreview | null {
  if (!preview) return null;
  const personal = new Set(
    preview.columns.filter((column) => column.status === "personal").map((column) => column.index),
  );
  return {
    ...preview,
    rows: preview.rows.map((row) => ({
      line: row.line,
      values: row.values.map((value, index) => (personal.has(index) && value ? "•••" : value)),
    })),
  };
}

async function ownUpload(request: Request, id: string | undefined) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const upload = findUpload(id ?? "", user.id);
  if (!upload) throw notFound();
  return { user, upload };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { upload } = await ownUpload(request, params.id);
  const running = runningJobOf(upload);
  const report = upload.commitReport ?? upload.check?.report ?? null;
  return {
    upload: {
      id: upload.id,
      fileName: upload.fileName,
      bytes: upload.bytes,
      kind: upload.options.kind,
      kindLabel: IMPORT_KIND_LABELS[upload.options.kind],
      skipInvalid: upload.options.skipInvalid,
      expiresAt: new Date(upload.expiresAt).toISOString(),
    },
    job: running ? jobStatus(running) : null,
    preview: withoutPersonalData(upload.check?.preview ?? null),
    failure: upload.check?.failure ?? null,
    report: report && {
      outcome: report.outcome,
      rowsTotal: report.rowsTotal,
      rowsAccepted: report.rowsAccepted,
      rowsRejected: report.rowsRejected,
      errorCount: report.errorCount,
      errors: report.errors.slice(0, SHOWN_ERRORS),
    },
    commitRefused: upload.commitReport !== null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, { roles: ["admin", "steward"] });
  const form = await readForm(request);
  const { user, upload } = await ownUpload(request, params.id);
  const intent = form.get("intent");
  if (intent === "cancel") {
    if (!runningJobOf(upload)) discardUpload(upload.id);
    return redirect("/imports?cancelled=1", 303);
  }
  if (intent !== "commit") return redirect(`/imports/uploads/${upload.id}`, 303);
  const job =
    runningJobOf(upload) ??
    startCommit(upload, user, clientIp(request), form.get("skipInvalid") === "on");
  // Without JavaScript the browser waits for the import, then shows where it ended.
  await job.done;
  return redirect(job.redirectTo ?? `/imports/uploads/${upload.id}`, 303);
}

function Outcome({
  report,
  failure,
  commitRefused,
}: Pick<ReturnType<typeof useLoaderData<typeof loader>>, "report" | "failure" | "commitRefused">) {
  if (failure) {
    return (
      <div className="import-problem" role="alert">
        <h2>无法读取文件 The file cannot be read</h2>
        <p>{failure}</p>
        <p>
          请检查文件后重新上传。Check the file (its sheet, encoding or format) and upload it again.
        </p>
      </div>
    );
  }
  if (!report) return null;
  if (commitRefused) {
    return (
      <div className="import-problem" role="alert">
        <h2>导入被拒绝，没有保存任何数据 The import was refused: nothing was stored</h2>
        <p>
          {report.errorCount} 个错误 errors. 请更正文件后重新上传，或勾选“跳过无效行”。Correct the
          file and upload it again, or tick “skip invalid rows”.
        </p>
      </div>
    );
  }
  if (report.errorCount === 0) {
    return (
      <div className="import-ok" role="status">
        <h2>文件有效 The file is valid</h2>
        <p>
          {report.rowsTotal} 行可以导入 rows can be imported. 确认后才会保存。Nothing is stored
          until you commit.
        </p>
      </div>
    );
  }
  return (
    <div className="import-problem" role="status">
      <h2>
        发现 {report.errorCount} 个错误 {report.errorCount} error
        {report.errorCount === 1 ? "" : "s"} found
      </h2>
      <p>
        {report.rowsTotal} 行中 {report.rowsRejected} 行无效 {report.rowsRejected} of{" "}
        {report.rowsTotal} rows are invalid; {report.rowsAccepted} are valid.
        整个文件会被拒绝，除非勾选 “跳过无效行”。The whole file is refused unless you tick “skip
        invalid rows”.
      </p>
    </div>
  );
}

export default function ImportPreview() {
  const { upload, job, preview, failure, report, commitRefused } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/imports">← 数据导入 Imports</Link>
      </p>
      <h1>预览 Preview: {upload.fileName}</h1>
      {search.get("failed") ? (
        <p className="import-problem" role="alert">
          导入失败，没有保存任何数据 The import failed and stored nothing.
        </p>
      ) : null}
      {job ? (
        <ImportJobProgress jobId={job.id} onFinished={() => window.location.reload()} />
      ) : null}
      <dl className="facts">
        <dt>类型 Kind</dt>
        <dd>{upload.kindLabel}</dd>
        <dt>大小 Size</dt>
        <dd>{formatSize(upload.bytes)}</dd>
        {preview?.format === "csv" ? (
          <>
            <dt>编码 Encoding</dt>
            <dd>
              {preview.encoding}{" "}
              {preview.encodingDetected ? "(自动识别 detected)" : "(指定 as chosen)"}
            </dd>
            <dt>分隔符 Delimiter</dt>
            <dd>{DELIMITER_NAMES[preview.delimiter ?? ""] ?? preview.delimiter}</dd>
          </>
        ) : null}
        {preview?.format === "xlsx" ? (
          <>
            <dt>工作表 Sheet</dt>
            <dd>
              {preview.sheet}
              {preview.sheets.length > 1 ? ` (共 of ${preview.sheets.join(", ")})` : ""}
            </dd>
          </>
        ) : null}
        <dt>保留至 Kept until</dt>
        <dd>{formatDateTime(upload.expiresAt)}</dd>
      </dl>

      <Outcome report={report} failure={failure} commitRefused={commitRefused} />

      {preview ? (
        <>
          <h2 id="mapping">列对应 Column mapping</h2>
          <table className="import-mapping" aria-labelledby="mapping">
            <thead>
              <tr>
                <th scope="col">文件中的列 File column</th>
                <th scope="col">对应列 Goes to</th>
                <th scope="col">说明 Note</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((column) => (
                <tr key={column.index}>
                  <td>
                    {column.header || `(第 ${column.index + 1} 列 column ${column.index + 1})`}
                  </td>
                  {column.status === "matched" ? (
                    <>
                      <td>
                        <code>{column.name}</code> {column.chinese}
                      </td>
                      <td>
                        {column.duplicate
                          ? "重复，文件会被拒绝 Given twice: the file is refused"
                          : [column.required ? "必填 required" : "可选 optional", column.unit]
                              .filter(Boolean)
                              .join(" · ")}
                      </td>
                    </>
                  ) : column.status === "personal" ? (
                    <>
                      <td>—</td>
                      <td>个人信息，不以明文保存 Personal data: never stored in clear</td>
                    </>
                  ) : (
                    <>
                      <td>—</td>
                      <td>忽略 Ignored: {column.reason}</td>
                    </>
                  )}
                </tr>
              ))}
              {preview.missing.map((column) => (
                <tr key={`missing-${column.name}`} className="import-missing">
                  <td>缺少 Missing</td>
                  <td>
                    <code>{column.name}</code> {column.chinese}
                  </td>
                  <td>{column.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2 id="first-rows">前 {preview.rows.length} 行 First rows</h2>
          {preview.rows.length === 0 ? (
            <p>表头下没有数据 No rows below the header.</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby="first-rows" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">行 Line</th>
                    {preview.columns.map((column) => (
                      <th scope="col" key={column.index}>
                        {column.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      {preview.columns.map((column) => (
                        <td key={column.index}>{row.values[column.index] ?? ""}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}

      {report && report.errorCount > 0 ? (
        <>
          <h2 id="errors">错误 Errors</h2>
          <p>
            <a href={`/imports/uploads/${upload.id}/errors.csv`} download>
              下载错误报告 Download the error report (CSV, {report.errorCount} errors)
            </a>
            {report.errorCount > report.errors.length
              ? ` · 此处显示前 ${report.errors.length} 个 The first ${report.errors.length} are shown here`
              : null}
          </p>
          <div className="table-scroll" role="region" aria-labelledby="errors" tabIndex={0}>
            <table className="import-errors">
              <thead>
                <tr>
                  <th scope="col">行 Line</th>
                  <th scope="col">列 Column</th>
                  <th scope="col">值 Value</th>
                  <th scope="col">原因 Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((error, index) => (
                  <tr key={index}>
                    <td>{error.line}</td>
                    <td>{error.column}</td>
                    <td>
                      <code>{error.value}</code>
                    </td>
                    <td>{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {!job ? (
        <div className="import-actions">
          {!failure && report ? (
            <ImportCommitForm uploadId={upload.id} skipInvalid={upload.skipInvalid} />
          ) : null}
          <Form method="post" reloadDocument>
            <CsrfInput />
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button-secondary">
              取消并删除文件 Cancel and discard the file
            </button>
          </Form>
        </div>
      ) : null}
    </>
  );
}
