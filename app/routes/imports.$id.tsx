import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { findImportBatch } from "../../db/queries/scope.server";
import { getDb } from "../../db/runtime.server";
import { formatDateTime } from "~/utils/format";
import { notFound, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.batch.fileName ?? "导入"} · 明镜 Mingjing` },
];

const idParam = z.coerce.number().int().positive();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const id = idParam.safeParse(params.id);
  if (!id.success) throw notFound();
  const batch = await findImportBatch(getDb(), id.data);
  // A steward sees only its departments' imports; another department's is "not found".
  const visible =
    batch &&
    (user.role === "admin" ||
      (batch.departmentId !== null && user.departmentIds.includes(batch.departmentId)));
  if (!batch || !visible) throw notFound();
  return {
    batch: {
      id: batch.id,
      kind: batch.kind,
      fileName: batch.fileName,
      state: batch.state,
      rowsTotal: batch.rowsTotal,
      rowsAccepted: batch.rowsAccepted,
      rowsRejected: batch.rowsRejected,
      createdAt: batch.createdAt,
    },
  };
}

export default function ImportBatchPage() {
  const { batch } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/imports">← 数据导入 Imports</Link>
      </p>
      <h1>{batch.fileName}</h1>
      <dl className="facts">
        <dt>类型 Kind</dt>
        <dd>{batch.kind}</dd>
        <dt>状态 State</dt>
        <dd>{batch.state}</dd>
        <dt>时间 When</dt>
        <dd>{formatDateTime(batch.createdAt)}</dd>
        <dt>行数 Rows</dt>
        <dd>
          {batch.rowsTotal} (接受 accepted {batch.rowsAccepted}, 拒绝 rejected {batch.rowsRejected})
        </dd>
      </dl>
    </>
  );
}
