import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { FilePreview } from "../../db/import/preview.server";
import { CsrfInput } from "~/components/forms";
import { ImportErrorTable } from "~/imports/import-error-table";
import { ImportCommitForm } from "~/imports/import-forms";
import { ImportJobProgress } from "~/imports/import-progress";
import { createI18n, useI18n, type I18n, type MessageKey } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { getSettings } from "~/utils/settings.server";
import { formatDateTime } from "~/utils/format";
import { jobStatus, runningJobOf, startCommit } from "~/imports/jobs.server";
import { kindLabel } from "~/imports/kinds";
import { formatSize } from "~/imports/messages";
import { discardUpload, findUpload, type UploadFailure } from "~/imports/uploads.server";
import { notFound, requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  return [
    {
      title: pageTitle(
        i18n,
        i18n.t("imports.preview.title", { file: data?.upload.fileName ?? "" }),
      ),
    },
  ];
};

/** Errors shown on the page; the CSV has them all. */
const SHOWN_ERRORS = 200;

const DELIMITER_NAMES: Partial<Record<string, MessageKey>> = {
  ",": "imports.preview.delimiter.comma",
  ";": "imports.preview.delimiter.semicolon",
  "\t": "imports.preview.delimiter.tab",
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

/** Why the file could not be checked: the reader's own reason, or what went wrong. */
function failureText(i18n: I18n, failure: UploadFailure): string {
  return failure.during === "read"
    ? failure.reason
    : i18n.t("imports.preview.checkFailed", { message: failure.reason });
}

async function ownUpload(request: Request, id: string | undefined) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const upload = findUpload(id ?? "", user.id);
  if (!upload) throw notFound();
  return { user, upload };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { upload } = await ownUpload(request, params.id);
  const i18n = createI18n(localeOf(request));
  const running = runningJobOf(upload);
  const report = upload.commitReport ?? upload.check?.report ?? null;
  const failure = upload.check?.failure;
  return {
    upload: {
      id: upload.id,
      fileName: upload.fileName,
      bytes: upload.bytes,
      kind: upload.options.kind,
      skipInvalid: upload.options.skipInvalid,
      keptUntil: formatDateTime(new Date(upload.expiresAt), getSettings().timeZone, i18n.locale),
    },
    job: running ? jobStatus(running, i18n) : null,
    preview: withoutPersonalData(upload.check?.preview ?? null),
    failure: failure ? failureText(i18n, failure) : null,
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
  const { t } = useI18n();
  if (failure) {
    return (
      <div className="import-problem" role="alert">
        <h2>{t("imports.preview.unreadable")}</h2>
        <p>{failure}</p>
        <p>{t("imports.preview.unreadableHint")}</p>
      </div>
    );
  }
  if (!report) return null;
  const one = (count: number, oneKey: MessageKey, otherKey: MessageKey) =>
    t(count === 1 ? oneKey : otherKey, { count });
  if (commitRefused) {
    return (
      <div className="import-problem" role="alert">
        <h2>{t("imports.preview.refused")}</h2>
        <p>
          {one(report.errorCount, "imports.preview.refusedTextOne", "imports.preview.refusedText")}
        </p>
      </div>
    );
  }
  if (report.errorCount === 0) {
    return (
      <div className="import-ok" role="status">
        <h2>{t("imports.preview.valid")}</h2>
        <p>{one(report.rowsTotal, "imports.preview.validTextOne", "imports.preview.validText")}</p>
      </div>
    );
  }
  return (
    <div className="import-problem" role="status">
      <h2>
        {one(report.errorCount, "imports.preview.errorsFoundOne", "imports.preview.errorsFound")}
      </h2>
      <p>
        {t("imports.preview.invalidText", {
          total: report.rowsTotal,
          rejected: report.rowsRejected,
          accepted: report.rowsAccepted,
        })}
      </p>
    </div>
  );
}

export default function ImportPreview() {
  const { upload, job, preview, failure, report, commitRefused } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const delimiterKey = DELIMITER_NAMES[preview?.delimiter ?? ""];
  return (
    <>
      <p>
        <Link to="/imports">{t("imports.back")}</Link>
      </p>
      <h1>{t("imports.preview.title", { file: upload.fileName })}</h1>
      {search.get("failed") ? (
        <p className="import-problem" role="alert">
          {t("imports.preview.failed")}
        </p>
      ) : null}
      {job ? (
        <ImportJobProgress jobId={job.id} onFinished={() => window.location.reload()} />
      ) : null}
      <dl className="facts">
        <dt>{t("imports.preview.kind")}</dt>
        <dd>{kindLabel(i18n, upload.kind)}</dd>
        <dt>{t("imports.preview.size")}</dt>
        <dd>{formatSize(i18n, upload.bytes)}</dd>
        {preview?.format === "csv" ? (
          <>
            <dt>{t("imports.preview.encoding")}</dt>
            <dd>
              {t(
                preview.encodingDetected
                  ? "imports.preview.encodingDetected"
                  : "imports.preview.encodingChosen",
                { encoding: (preview.encoding ?? "").toUpperCase() },
              )}
            </dd>
            <dt>{t("imports.preview.delimiter")}</dt>
            <dd>{delimiterKey ? t(delimiterKey) : preview.delimiter}</dd>
          </>
        ) : null}
        {preview?.format === "xlsx" ? (
          <>
            <dt>{t("imports.preview.sheet")}</dt>
            <dd>
              {preview.sheets.length > 1
                ? t("imports.preview.sheetOf", {
                    sheet: preview.sheet ?? "",
                    sheets: preview.sheets.join(t("imports.listSeparator")),
                  })
                : preview.sheet}
            </dd>
          </>
        ) : null}
        <dt>{t("imports.preview.keptUntil")}</dt>
        <dd>{upload.keptUntil}</dd>
      </dl>

      <Outcome report={report} failure={failure} commitRefused={commitRefused} />

      {preview ? (
        <>
          <h2 id="mapping">{t("imports.preview.mapping")}</h2>
          <table className="import-mapping" aria-labelledby="mapping">
            <thead>
              <tr>
                <th scope="col">{t("imports.preview.fileColumn")}</th>
                <th scope="col">{t("imports.preview.goesTo")}</th>
                <th scope="col">{t("imports.preview.note")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((column) => (
                <tr key={column.index}>
                  <td>
                    {column.header ||
                      t("imports.preview.unnamedColumn", { number: column.index + 1 })}
                  </td>
                  {column.status === "matched" ? (
                    <>
                      <td>
                        <code>{column.name}</code> {column.chinese}
                      </td>
                      <td>
                        {column.duplicate
                          ? t("imports.preview.duplicate")
                          : [
                              t(
                                column.required
                                  ? "imports.preview.required"
                                  : "imports.preview.optional",
                              ),
                              column.unit,
                            ]
                              .filter(Boolean)
                              .join(" · ")}
                      </td>
                    </>
                  ) : column.status === "personal" ? (
                    <>
                      <td>—</td>
                      <td>{t("imports.preview.personal")}</td>
                    </>
                  ) : (
                    <>
                      <td>—</td>
                      <td>{t("imports.preview.ignored", { reason: column.reason })}</td>
                    </>
                  )}
                </tr>
              ))}
              {preview.missing.map((column) => (
                <tr key={`missing-${column.name}`} className="import-missing">
                  <td>{t("imports.preview.missing")}</td>
                  <td>
                    <code>{column.name}</code> {column.chinese}
                  </td>
                  <td>{column.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2 id="first-rows">
            {t(
              preview.rows.length === 1
                ? "imports.preview.firstRowsOne"
                : "imports.preview.firstRows",
              { count: preview.rows.length },
            )}
          </h2>
          {preview.rows.length === 0 ? (
            <p>{t("imports.preview.noRows")}</p>
          ) : (
            <TableScroll labelledBy="first-rows">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("imports.errors.line")}</th>
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
            </TableScroll>
          )}
        </>
      ) : null}

      {report && report.errorCount > 0 ? (
        <>
          <h2 id="errors">{t("imports.preview.errors")}</h2>
          <p>
            <a href={`/imports/uploads/${upload.id}/errors.csv`} download>
              {t(
                report.errorCount === 1
                  ? "imports.preview.downloadErrorsOne"
                  : "imports.preview.downloadErrors",
                { count: report.errorCount },
              )}
            </a>
            {report.errorCount > report.errors.length
              ? ` · ${t("imports.preview.firstShown", { count: report.errors.length })}`
              : null}
          </p>
          <ImportErrorTable errors={report.errors} labelledBy="errors" />
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
              {t("imports.preview.cancel")}
            </button>
          </Form>
        </div>
      ) : null}
    </>
  );
}
