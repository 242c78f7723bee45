import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAssignments } from "../../db/queries/scope.server";
import { getDb } from "../../db/runtime.server";
import { ASSESSMENT_STATE_LABELS as STATE_LABELS } from "~/utils/format";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "评价 Evaluation · 明镜 Mingjing" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader", "evaluator"] });
  const assignments = await listAssignments(getDb(), user.role === "evaluator" ? user.id : null);
  return { assignments, mine: user.role === "evaluator" };
}

export default function Evaluation() {
  const { assignments, mine } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{mine ? "我的评价任务 My assignments" : "评价任务 Assignments"}</h1>
      {assignments.length === 0 ? (
        <p>暂无评价任务。No assignments yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">评价轮次 Round</th>
              <th scope="col">项目 Project</th>
              {mine ? null : <th scope="col">评价人 Evaluator</th>}
              <th scope="col">状态 State</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((assignment) => (
              <tr key={assignment.id}>
                <td>{assignment.roundName}</td>
                <td>
                  <Link to={`/evaluation/assignments/${assignment.id}`}>
                    {assignment.projectName}
                  </Link>
                </td>
                {mine ? null : <td>{assignment.evaluator}</td>}
                <td>{STATE_LABELS[assignment.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
