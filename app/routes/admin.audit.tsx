import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  actionGroups,
  actionPrefixSchema,
  listAuditActions,
  listAuditEvents,
  type AuditFilter,
} from "../../db/queries/audit-log.server";
import { getDb } from "../../db/runtime.server";
import { ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { getSettings } from "~/utils/env.server";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "审计日志 Audit log · 明镜 Mingjing" }];

/** Empty query values mean "no filter". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

const querySchema = z
  .object({
    action: optional(
      z.preprocess(
        (value) => (typeof value === "string" ? value.trim().replace(/\.$/, "") : value),
        actionPrefixSchema,
      ),
    ),
    actor: optional(z.string().trim().min(1).max(64)),
    from: optional(z.iso.date()),
    to: optional(z.iso.date()),
    page: optional(z.coerce.number().int().min(1).max(1_000_000)),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"] });

const QUERY_MESSAGES: Record<string, string> = {
  action: "请从列表中选择操作类型 Choose an action from the list",
  actor: "用户名最多 64 个字符 A username has at most 64 characters",
  from: "请输入有效日期，如 2024-03-01 Enter a real date, such as 2024-03-01",
  to: "结束日期须为有效日期且不早于开始日期 Enter a real date, not before the start date",
  page: "页码须为正整数 The page must be a whole number from 1",
};

/** Well-known groups of actions, offered even before the log holds any of them. */
const GROUP_LABELS: Record<string, string> = {
  auth: "登录与账户 Sign-in and accounts",
  user: "用户管理 User administration",
  import: "数据导入 Imports",
};

/** "2024-03-02 00:30:05" in the deployment's time zone. */
function localTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

function compactJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const timeZone = getSettings().timeZone;
  const search = new URL(request.url).searchParams;
  const raw = Object.fromEntries(
    ["action", "actor", "from", "to", "page"].map((key) => [key, search.get(key)]),
  );
  const parsed = querySchema.safeParse(raw);
  const actions = await listAuditActions(getDb());
  const groups = [...new Set([...Object.keys(GROUP_LABELS), ...actionGroups(actions)])].sort();
  const choices = {
    groups: groups.map((group) => ({ value: group, label: GROUP_LABELS[group] ?? group })),
    actions,
  };
  const values = {
    action: raw.action ?? "",
    actor: raw.actor ?? "",
    from: raw.from ?? "",
    to: raw.to ?? "",
  };
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      errors[field] ??= QUERY_MESSAGES[field] ?? issue.message;
    }
    return data(
      { timeZone, choices, values, errors, events: [], page: 1, hasNext: false },
      { status: 400 },
    );
  }
  const { page: pageNumber, ...query } = parsed.data;
  const filter: AuditFilter = { ...query, timeZone };
  const page = await listAuditEvents(getDb(), filter, pageNumber ?? 1);
  const events = page.events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    localTime: localTime(event.at, timeZone),
    actorName: event.actorName,
    action: event.action,
    objectKind: event.objectKind,
    objectId: event.objectId,
    before: compactJson(event.before),
    after: compactJson(event.after),
    ip: event.ip,
  }));
  return {
    timeZone,
    choices,
    values,
    errors: {} as FieldErrors,
    events,
    page: page.page,
    hasNext: page.hasNext,
  };
}

export default function AuditLog() {
  const { timeZone, choices, values, errors, events, page, hasNext } =
    useLoaderData<typeof loader>();
  const pageLink = (target: number) => {
    const params = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));
    if (target > 1) params.set("page", String(target));
    const query = params.toString();
    return query ? `/admin/audit?${query}` : "/admin/audit";
  };
  return (
    <>
      <p>
        <Link to="/admin/users">← 用户管理 Users</Link>
      </p>
      <h1>审计日志 Audit log</h1>
      <p className="lede">
        登录、导入、用户与角色变更等操作的只读记录，最新的在前。A read-only record of sign-ins,
        imports, user and role changes and more, newest first.
      </p>
      <ErrorSummary errors={errors} />
      <Form method="get" className="panel" aria-labelledby="filter-title">
        <h2 id="filter-title">筛选 Filter</h2>
        <div className={errors.action ? "field field-error" : "field"}>
          <label htmlFor="action">操作 Action</label>
          {errors.action ? (
            <p className="error-message" id="action-error">
              {errors.action}
            </p>
          ) : null}
          <select
            id="action"
            name="action"
            defaultValue={values.action.replace(/\.$/, "")}
            aria-invalid={errors.action ? true : undefined}
            aria-describedby={errors.action ? "action-error" : undefined}
          >
            <option value="">全部操作 All actions</option>
            <optgroup label="操作类别 Groups">
              {choices.groups.map((group) => (
                <option key={group.value} value={group.value}>
                  {group.value}.* · {group.label}
                </option>
              ))}
            </optgroup>
            {choices.actions.length > 0 ? (
              <optgroup label="单项操作 Single actions">
                {choices.actions.map((action) => (
                  <option key={action} value={action}>
                    {action}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
        <Field
          name="actor"
          label="操作人用户名 Actor's username"
          hint="完整用户名，不区分大小写 The full username; case does not matter"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={values.actor}
          error={errors.actor}
        />
        <Field
          name="from"
          label="开始日期 From"
          type="date"
          hint={`含当天，${timeZone} 时区 Inclusive, in ${timeZone}`}
          defaultValue={values.from}
          error={errors.from}
        />
        <Field
          name="to"
          label="结束日期 To"
          type="date"
          hint={`含当天，${timeZone} 时区 Inclusive, in ${timeZone}`}
          defaultValue={values.to}
          error={errors.to}
        />
        <button type="submit" className="button">
          筛选 Filter
        </button>{" "}
        <Link to="/admin/audit">清除筛选 Clear filters</Link>
      </Form>

      <table>
        <caption>
          审计事件，第 {page} 页（时间为 {timeZone}）Audit events, page {page} (times in {timeZone})
        </caption>
        <thead>
          <tr>
            <th scope="col">时间 Time</th>
            <th scope="col">操作人 Actor</th>
            <th scope="col">操作 Action</th>
            <th scope="col">对象 Object</th>
            <th scope="col">变更 Before / after</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 ? (
            <tr>
              <td colSpan={6}>没有符合条件的事件。No events match.</td>
            </tr>
          ) : (
            events.map((event) => (
              <tr key={event.id}>
                <td>
                  <time dateTime={event.at}>{event.localTime}</time>
                </td>
                <td>{event.actorName ?? "—"}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>
                  {event.objectKind === "user" && event.objectId ? (
                    <Link to={`/admin/users/${event.objectId}`}>用户 user #{event.objectId}</Link>
                  ) : event.objectKind ? (
                    `${event.objectKind} #${event.objectId ?? "—"}`
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {event.before || event.after ? (
                    <details>
                      <summary>查看 Show</summary>
                      <dl>
                        <dt>之前 Before</dt>
                        <dd>
                          <code>{event.before ?? "—"}</code>
                        </dd>
                        <dt>之后 After</dt>
                        <dd>
                          <code>{event.after ?? "—"}</code>
                        </dd>
                      </dl>
                    </details>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{event.ip ?? "—"}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <nav aria-label="分页 Pages">
        <p>
          {page > 1 ? <Link to={pageLink(page - 1)}>← 上一页 Previous</Link> : null}
          {page > 1 && hasNext ? " · " : null}
          {hasNext ? <Link to={pageLink(page + 1)}>下一页 Next →</Link> : null}
        </p>
      </nav>
    </>
  );
}
