import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { findAssignment } from "../../db/queries/scope.server";
import { getDb } from "../../db/runtime.server";
import { notFound, requireAssignment, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.assignment.projectName ?? "评价"} · 明镜 Mingjing` },
];

const idParam = z.coerce.number().int().positive();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader", "evaluator"] });
  const id = idParam.safeParse(params.id);
  if (!id.success) throw notFound();
  const assignment = await findAssignment(getDb(), id.data);
  requireAssignment(user, assignment);
  if (!assignment) throw notFound();
  return { assignment };
}

export default function AssignmentPage() {
  const { assignment } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/evaluation">← 评价任务 Assignments</Link>
      </p>
      <h1>{assignment.projectName}</h1>
      <dl className="facts">
        <dt>评价轮次 Round</dt>
        <dd>{assignment.roundName}</dd>
        <dt>评价期间 Period</dt>
        <dd>
          {assignment.periodStart} – {assignment.periodEnd}
        </dd>
        <dt>利益冲突声明 Conflict of interest</dt>
        <dd>
          {assignment.declaredAt ? "已声明无利益冲突 Declared none" : "尚未声明 Not declared yet"}
        </dd>
      </dl>
      <p className="notice">
        评分表将在评价工作台中提供。The rubric form comes with the evaluator workspace.
      </p>
    </>
  );
}
