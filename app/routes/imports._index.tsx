import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDateTime } from "~/utils/format";
import { listVisibleBatches } from "~/utils/import-batches.server";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "数据导入 Imports · 明镜 Mingjing" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const batches = await listVisibleBatches(user);
  return { batches };
}

export default function Imports() {
  const { batches } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <h1>数据导入 Imports</h1>
      {search.get("cancelled") ? (
        <p className="import-ok" role="status">
          已取消，上传的文件已删除。The upload was cancelled and its file deleted.
        </p>
      ) : null}
      <p className="import-links">
        <Link to="/imports/new" className="button">
          上传文件 Upload a file
        </Link>{" "}
        <Link to="/imports/columns">列说明与模板 Column reference and templates</Link>
      </p>
      {batches.length === 0 ? (
        <p>还没有导入记录。No imports yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">时间 When</th>
              <th scope="col">类型 Kind</th>
              <th scope="col">文件 File</th>
              <th scope="col">部门 Department</th>
              <th scope="col">状态 State</th>
              <th scope="col">接受/拒绝 Accepted/rejected</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id}>
                <td>{formatDateTime(batch.createdAt)}</td>
                <td>{batch.kind}</td>
                <td>
                  <Link to={`/imports/${batch.id}`}>{batch.fileName}</Link>
                </td>
                <td>{batch.departmentName ?? "—"}</td>
                <td>{batch.state}</td>
                <td>
                  {batch.rowsAccepted} / {batch.rowsRejected}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
