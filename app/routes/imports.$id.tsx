import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { batchErrors, requireVisibleBatch, revertBatch } from "~/utils/import-batches.server";
import { IMPORT_KIND_LABELS } from "~/utils/import-kinds";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.batch.fileName ?? "导入"} · 明镜 Mingjing` },
];

const SHOWN_ERRORS = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  // A steward sees only its departments' imports (and its own); another's is "not found".
  const batch = await requireVisibleBatch(user, params.id);
  const errors = batchErrors(batch.errorReport);
  return {
    batch: {
      id: batch.id,
      kind: batch.kind,
      kindLabel: IMPORT_KIND_LABELS[batch.kind],
      fileName: batch.fileName,
      state: batch.state,
      rowsTotal: batch.rowsTotal,
      rowsAccepted: batch.rowsAccepted,
      rowsRejected: batch.rowsRejected,
      createdAt: batch.createdAt,
      committedAt: batch.committedAt,
      revertedAt: batch.revertedAt,
      encoding: batch.encoding,
    },
    errorCount: errors.length,
    errors: errors.slice(0, SHOWN_ERRORS),
  };
}

const REVERT_REFUSALS: Record<string, string> = {
  not_found: "找不到该导入 This import no longer exists.",
  not_committed: "只能撤销已提交的导入 Only a committed import can be reverted.",
  changed_later:
    "之后的导入修改了相同的行，请先撤销那次导入。A later import changed the same rows: revert that one first.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const form = await readForm(request);
  const batch = await requireVisibleBatch(user, params.id);
  if (form.get("intent") !== "revert") return redirect(`/imports/${batch.id}`, 303);
  const result = await revertBatch(batch.id, user, clientIp(request));
  if (result.ok) return redirect(`/imports/${batch.id}?reverted=1`, 303);
  const later = result.laterBatchId ? ` (#${result.laterBatchId})` : "";
  return data({ revertError: `${REVERT_REFUSALS[result.reason]}${later}` }, { status: 409 });
}

export default function ImportBatchPage() {
  const { batch, errors, errorCount } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/imports">← 数据导入 Imports</Link>
      </p>
      <h1>{batch.fileName}</h1>
      {search.get("unchanged") ? (
        <p className="import-ok" role="status">
          内容与这次导入相同，没有变化。The file has the same content as this import: nothing
          changed.
        </p>
      ) : null}
      {search.get("reverted") ? (
        <p className="import-ok" role="status">
          已撤销 Reverted: the rows are as they were before this import.
        </p>
      ) : null}
      {result?.revertError ? (
        <p className="import-problem" role="alert">
          {result.revertError}
        </p>
      ) : null}
      <dl className="facts">
        <dt>类型 Kind</dt>
        <dd>{batch.kindLabel}</dd>
        <dt>状态 State</dt>
        <dd>{batch.state}</dd>
        <dt>时间 When</dt>
        <dd>{formatDateTime(batch.createdAt)}</dd>
        {batch.revertedAt ? (
          <>
            <dt>撤销时间 Reverted</dt>
            <dd>{formatDateTime(batch.revertedAt)}</dd>
          </>
        ) : null}
        <dt>行数 Rows</dt>
        <dd>
          {batch.rowsTotal} (接受 accepted {batch.rowsAccepted}, 拒绝 rejected {batch.rowsRejected})
        </dd>
      </dl>
      {errorCount > 0 ? (
        <>
          <h2 id="errors">跳过的行 Skipped rows</h2>
          <p>
            <a href={`/imports/${batch.id}/errors.csv`} download>
              下载错误报告 Download the error report (CSV)
            </a>
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
                {errors.map((error, index) => (
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
      {batch.state === "committed" ? (
        <Form method="post" className="import-actions">
          <CsrfInput />
          <input type="hidden" name="intent" value="revert" />
          <p className="hint">
            撤销会删除这次导入新增的行，并恢复它替换的行。Reverting deletes the rows this import
            added and restores the rows it replaced.
          </p>
          <button type="submit" className="button button-secondary">
            撤销这次导入 Revert this import
          </button>
        </Form>
      ) : null}
    </>
  );
}
