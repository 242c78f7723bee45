import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listDepartments } from "../../db/queries/scope.server";
import { getDb } from "../../db/runtime.server";
import { departmentScope, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "监督 Supervision · 明镜 Mingjing" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader", "steward"] });
  const departments = await listDepartments(getDb(), departmentScope(user));
  return { departments, scoped: departmentScope(user) !== null };
}

export default function Dashboard() {
  const { departments, scoped } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>监督 Supervision</h1>
      <p className="lede">
        {scoped ? "您负责的部门。Your departments." : "全部部门。Every department."} KPI tiles, red
        flags and charts arrive with the supervision dashboard.
      </p>
      <table>
        <caption className="visually-hidden">部门 Departments</caption>
        <thead>
          <tr>
            <th scope="col">编码 Code</th>
            <th scope="col">部门 Department</th>
            <th scope="col">项目 Projects</th>
            <th scope="col">服务事项 Service items</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((department) => (
            <tr key={department.code}>
              <td>{department.code}</td>
              <td>
                <Link to={`/dashboard/departments/${encodeURIComponent(department.code)}`}>
                  {department.name}
                </Link>
              </td>
              <td>{department.projects}</td>
              <td>{department.serviceItems}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
