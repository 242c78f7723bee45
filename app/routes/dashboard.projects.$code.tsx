import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findProject } from "../../db/queries/scope.server";
import { getDb } from "../../db/runtime.server";
import { formatWan, STAGE_LABELS } from "~/utils/format";
import { requireDepartment, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.project.name ?? "项目"} · 明镜 Mingjing` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader", "steward"] });
  const project = await findProject(getDb(), params.code ?? "");
  requireDepartment(user, project?.departmentId);
  if (!project) throw new Response("Not found", { status: 404 });
  return { project };
}

export default function ProjectPage() {
  const { project } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/dashboard/departments/${encodeURIComponent(project.departmentCode)}`}>
          ← {project.departmentName}
        </Link>
      </p>
      <h1>{project.name}</h1>
      <dl className="facts">
        <dt>项目编码 Code</dt>
        <dd>{project.code}</dd>
        <dt>阶段 Stage</dt>
        <dd>{STAGE_LABELS[project.stage]}</dd>
        <dt>类别 Category</dt>
        <dd>{project.category ?? "—"}</dd>
        <dt>批复金额 Approved budget</dt>
        <dd>{formatWan(project.budgetYuan)}</dd>
        <dt>计划工期 Planned</dt>
        <dd>
          {project.plannedStart ?? "—"} – {project.plannedEnd ?? "—"}
        </dd>
      </dl>
    </>
  );
}
