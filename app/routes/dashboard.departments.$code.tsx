import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findDepartment, listDepartmentProjects } from "../../db/queries/scope.server";
import { getDb } from "../../db/runtime.server";
import { formatWan, STAGE_LABELS } from "~/utils/format";
import { requireDepartment, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.department.name ?? "部门"} · 明镜 Mingjing` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader", "steward"] });
  const department = await findDepartment(getDb(), params.code ?? "");
  requireDepartment(user, department?.id);
  if (!department) throw new Response("Not found", { status: 404 });
  const projects = await listDepartmentProjects(getDb(), department.id);
  return { department: { code: department.code, name: department.name }, projects };
}

export default function DepartmentPage() {
  const { department, projects } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/dashboard">← 监督 Supervision</Link>
      </p>
      <h1>{department.name}</h1>
      <h2>项目 Projects</h2>
      {projects.length === 0 ? (
        <p>本部门没有电子政务项目。This department has no e-government projects.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">编码 Code</th>
              <th scope="col">项目 Project</th>
              <th scope="col">阶段 Stage</th>
              <th scope="col">批复金额 Budget</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((project) => (
              <tr key={project.code}>
                <td>{project.code}</td>
                <td>
                  <Link to={`/dashboard/projects/${encodeURIComponent(project.code)}`}>
                    {project.name}
                  </Link>
                </td>
                <td>{STAGE_LABELS[project.stage]}</td>
                <td>{formatWan(project.budgetYuan)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
