import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { columnReference } from "~/utils/import-templates.server";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [
  { title: "列说明与模板 Column reference and templates · 明镜 Mingjing" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  return { kinds: columnReference(user) };
}

export default function ImportColumns() {
  const { kinds } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/imports">← 数据导入 Imports</Link>
      </p>
      <h1>列说明与模板 Column reference and templates</h1>
      <p>
        每种数据一个文件：CSV（UTF-8 或 GB18030）、TSV 或 Excel
        (.xlsx)。表头可用英文或中文列名，不区分大小写，忽略空格、下划线和括号中的单位；必填列加粗。
        One file per kind: CSV (UTF-8 or GB18030), TSV or .xlsx. Headers may be the English or the
        Chinese name, in any case, ignoring spaces, <code>_</code>, <code>-</code> and a unit in
        brackets; required columns are in bold. A cell that is empty or holds only -, — or / is
        empty. Columns with personal data (name, phone, ID number) are never stored in clear.
      </p>
      <nav aria-label="数据类型 Kinds" className="import-kind-index">
        <ul>
          {kinds.map((entry) => (
            <li key={entry.kind}>
              <a href={`#kind-${entry.kind}`}>{entry.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {kinds.map((entry) => (
        <section key={entry.kind} aria-labelledby={`kind-${entry.kind}`} className="import-kind">
          <h2 id={`kind-${entry.kind}`}>
            {entry.label} <code>{entry.kind}</code>
          </h2>
          {!entry.allowed ? (
            <p className="hint">
              只有管理员可以导入此类数据 Only an administrator imports this kind.
            </p>
          ) : null}
          <p className="import-downloads">
            模板 Template:{" "}
            <a href={`/imports/templates/${entry.kind}.csv`} download>
              CSV
            </a>{" "}
            ·{" "}
            <a href={`/imports/templates/${entry.kind}.xlsx`} download>
              Excel (.xlsx)
            </a>{" "}
            · 示例 Example:{" "}
            <a href={`/imports/examples/${entry.kind}.csv`} download>
              演示数据 demo data (CSV)
            </a>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">列 Column</th>
                <th scope="col">中文列名 Chinese name</th>
                <th scope="col">必填 Required</th>
                <th scope="col">格式 Format</th>
              </tr>
            </thead>
            <tbody>
              {entry.columns.map((column) => (
                <tr key={column.name}>
                  <td>{column.required ? <strong>{column.name}</strong> : column.name}</td>
                  <td>{column.required ? <strong>{column.chinese}</strong> : column.chinese}</td>
                  <td>{column.required ? "是 yes" : "否 no"}</td>
                  <td>{column.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
