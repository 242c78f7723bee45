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
import { createI18n, useI18n, type MessageKey } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { getSettings } from "~/utils/settings.server";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("admin.audit.title")) }];
};

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

const QUERY_MESSAGES: Record<string, MessageKey> = {
  action: "admin.audit.error.action",
  actor: "admin.audit.error.actor",
  from: "admin.audit.error.from",
  to: "admin.audit.error.to",
  page: "admin.audit.error.page",
};

/** Well-known groups of actions, offered even before the log holds any of them. */
const GROUP_LABELS: Record<string, MessageKey> = {
  auth: "admin.audit.group.auth",
  user: "admin.audit.group.user",
  import: "admin.audit.group.import",
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
  const { t } = createI18n(localeOf(request));
  const search = new URL(request.url).searchParams;
  const raw = Object.fromEntries(
    ["action", "actor", "from", "to", "page"].map((key) => [key, search.get(key)]),
  );
  const parsed = querySchema.safeParse(raw);
  const actions = await listAuditActions(getDb());
  const groups = [...new Set([...Object.keys(GROUP_LABELS), ...actionGroups(actions)])].sort();
  const choices = {
    groups: groups.map((group) => {
      const label = GROUP_LABELS[group];
      return { value: group, label: label ? t(label) : group };
    }),
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
      const message = QUERY_MESSAGES[field];
      errors[field] ??= message ? t(message) : issue.message;
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
  const { t } = useI18n();
  const pageLink = (target: number) => {
    const params = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));
    if (target > 1) params.set("page", String(target));
    const query = params.toString();
    return query ? `/admin/audit?${query}` : "/admin/audit";
  };
  return (
    <>
      <p>
        <Link to="/admin/users">{t("admin.users.back")}</Link>
      </p>
      <h1>{t("admin.audit.title")}</h1>
      <p className="lede">{t("admin.audit.lede")}</p>
      <ErrorSummary errors={errors} />
      <Form method="get" className="panel" aria-labelledby="filter-title">
        <h2 id="filter-title">{t("admin.audit.filter")}</h2>
        <div className={errors.action ? "field field-error" : "field"}>
          <label htmlFor="action">{t("admin.audit.action")}</label>
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
            <option value="">{t("admin.audit.allActions")}</option>
            <optgroup label={t("admin.audit.groups")}>
              {choices.groups.map((group) => (
                <option key={group.value} value={group.value}>
                  {group.value}.* · {group.label}
                </option>
              ))}
            </optgroup>
            {choices.actions.length > 0 ? (
              <optgroup label={t("admin.audit.singleActions")}>
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
          label={t("admin.audit.actor")}
          hint={t("admin.audit.actorHint")}
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={values.actor}
          error={errors.actor}
        />
        <Field
          name="from"
          label={t("admin.audit.from")}
          type="date"
          hint={t("admin.audit.dateHint", { timeZone })}
          defaultValue={values.from}
          error={errors.from}
        />
        <Field
          name="to"
          label={t("admin.audit.to")}
          type="date"
          hint={t("admin.audit.dateHint", { timeZone })}
          defaultValue={values.to}
          error={errors.to}
        />
        <button type="submit" className="button">
          {t("admin.audit.filter")}
        </button>{" "}
        <Link to="/admin/audit">{t("admin.audit.clear")}</Link>
      </Form>

      <table>
        <caption>{t("admin.audit.caption", { page, timeZone })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.audit.column.time")}</th>
            <th scope="col">{t("admin.audit.column.actor")}</th>
            <th scope="col">{t("admin.audit.column.action")}</th>
            <th scope="col">{t("admin.audit.column.object")}</th>
            <th scope="col">{t("admin.audit.column.change")}</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 ? (
            <tr>
              <td colSpan={6}>{t("admin.audit.none")}</td>
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
                    <Link to={`/admin/users/${event.objectId}`}>
                      {t("admin.audit.userObject", { id: event.objectId })}
                    </Link>
                  ) : event.objectKind ? (
                    `${event.objectKind} #${event.objectId ?? "—"}`
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {event.before || event.after ? (
                    <details>
                      <summary>{t("admin.audit.show")}</summary>
                      <dl>
                        <dt>{t("admin.audit.before")}</dt>
                        <dd>
                          <code>{event.before ?? "—"}</code>
                        </dd>
                        <dt>{t("admin.audit.after")}</dt>
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

      <nav aria-label={t("admin.audit.pages")}>
        <p>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("admin.audit.previous")}</Link> : null}
          {page > 1 && hasNext ? " · " : null}
          {hasNext ? <Link to={pageLink(page + 1)}>{t("admin.audit.next")}</Link> : null}
        </p>
      </nav>
    </>
  );
}
