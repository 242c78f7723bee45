import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listUsers, ROLE_LABELS } from "../../db/queries/admin-users.server";
import { getDb } from "../../db/runtime.server";
import { getSettings } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "用户管理 Users · 明镜 Mingjing" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const timeZone = getSettings().timeZone;
  const users = await listUsers(getDb());
  return {
    users: users.map((user) => ({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: ROLE_LABELS[user.role],
      departments: user.departments.map((department) => department.name).join("、"),
      disabled: user.disabledAt !== null,
      created: formatDateTime(user.createdAt, timeZone),
    })),
  };
}

export default function AdminUsers() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>用户管理 Users</h1>
      <p>
        <Link to="/admin/users/new" className="button">
          新建用户 New user
        </Link>{" "}
        <Link to="/admin/audit">审计日志 Audit log</Link>
      </p>
      <table>
        <caption>全部用户 All users ({users.length})</caption>
        <thead>
          <tr>
            <th scope="col">用户名 Username</th>
            <th scope="col">显示名称 Display name</th>
            <th scope="col">角色 Role</th>
            <th scope="col">负责部门 Departments</th>
            <th scope="col">状态 Status</th>
            <th scope="col">创建时间 Created</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link to={`/admin/users/${user.id}`}>{user.username}</Link>
              </td>
              <td>{user.displayName}</td>
              <td>{user.role}</td>
              <td>{user.departments || "—"}</td>
              <td>{user.disabled ? "已停用 Disabled" : "正常 Active"}</td>
              <td>{user.created}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
