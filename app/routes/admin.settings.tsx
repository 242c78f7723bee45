import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useSearchParams,
} from "@remix-run/react";
import {
  loadCalendarYear,
  removeCalendarOverride,
  setCalendarOverride,
} from "../../db/queries/calendar-admin.server";
import {
  loadAdminSettings,
  saveRectificationLimits,
  saveReplyLimits,
  saveStaleAfterDays,
  saveTarget,
  type SettingsActor,
} from "../../db/queries/settings-admin.server";
import { getDb } from "../../db/runtime.server";
import {
  APPEAL_TYPES,
  RECTIFICATION_SOURCES,
  TARGET_DIRECTIONS,
} from "../../db/schema/enum-values";
import { localDateOf } from "../../metrics/time-zone";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { createI18n, useI18n, type I18n, type MessageKey } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { messages } from "~/i18n/messages";
import { metaI18n, pageTitle } from "~/i18n/meta";
import {
  CALENDAR_FIELD_IDS,
  rectificationFieldId,
  replyFieldId,
  STALE_FIELD_ID,
  TARGET_FIELDS,
  targetFieldId,
  type TargetField,
} from "~/settings/field-ids";
import {
  parseCalendarForm,
  parseCalendarRemoval,
  parseRectificationLimitsForm,
  parseReplyLimitsForm,
  parseStaleForm,
  parseTargetForm,
  type FormErrors,
} from "~/settings/settings-forms.server";
import { readForm } from "~/utils/csrf.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";
import { getSettings } from "~/utils/settings.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("settings.title")) }];
};

const YEAR = /^(19\d\d|2[01]\d\d)$/;

/** Targets, limits, the stale-data period and a year of the calendar, as stored now. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const asked = new URL(request.url).searchParams.get("year");
  const thisYear = Number(localDateOf(new Date(), getSettings().timeZone).slice(0, 4));
  if (asked !== null && !YEAR.test(asked)) {
    throw data(createI18n(localeOf(request)).t("settings.error.year", { value: asked }), {
      status: 400,
    });
  }
  const year = asked === null ? thisYear : Number(asked);
  const [settings, calendar] = await Promise.all([
    loadAdminSettings(getDb()),
    loadCalendarYear(getDb(), year),
  ]);
  return { settings, calendar };
}

type Intent =
  "target" | "replyLimits" | "rectificationLimits" | "stale" | "calendarSet" | "calendarRemove";

interface ActionAnswer {
  intent: Intent | null;
  errors: FormErrors;
  values?: Record<string, string>;
  kpi?: string;
}

const refused = (answer: ActionAnswer) => data(answer, { status: 400 });

/** Back to the page after a change (post, redirect, get), at the section changed. */
function done(what: string, anchor: string, extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ ...extra, done: what });
  return redirect(`/admin/settings?${query}#${anchor}`);
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const actor: SettingsActor = { id: admin.id, name: admin.username, ip: clientIp(request) };
  const { timeZone } = getSettings();
  const db = getDb();
  const intent = form.get("intent");
  const unchanged = (changed: boolean, what: string) => (changed ? what : "unchanged");
  switch (intent) {
    case "target": {
      const parsed = parseTargetForm(form, i18n);
      const kpi = String(form.get("kpi") ?? "");
      if (!parsed.ok) return refused({ intent, kpi, errors: parsed.errors, values: parsed.values });
      const result = await saveTarget(db, actor, parsed.data.kpi, parsed.data.edges);
      if (!result.ok) return refused({ intent, errors: { form: i18n.t("settings.error.kpi") } });
      return done(unchanged(result.changed, "target"), "targets", { kpi });
    }
    case "replyLimits": {
      const parsed = parseReplyLimitsForm(form, i18n);
      if (!parsed.ok) return refused({ intent, errors: parsed.errors, values: parsed.values });
      const result = await saveReplyLimits(db, actor, parsed.data, timeZone);
      return done(unchanged(result.changed.length > 0, "replyLimits"), "reply-limits");
    }
    case "rectificationLimits": {
      const parsed = parseRectificationLimitsForm(form, i18n);
      if (!parsed.ok) return refused({ intent, errors: parsed.errors, values: parsed.values });
      const result = await saveRectificationLimits(db, actor, parsed.data);
      return done(unchanged(result.changed, "rectificationLimits"), "rectification-limits");
    }
    case "stale": {
      const parsed = parseStaleForm(form, i18n);
      if (!parsed.ok) return refused({ intent, errors: parsed.errors, values: parsed.values });
      const result = await saveStaleAfterDays(db, actor, parsed.data);
      return done(unchanged(result.changed, "stale"), "data-quality");
    }
    case "calendarSet": {
      const parsed = parseCalendarForm(form, i18n);
      if (!parsed.ok) return refused({ intent, errors: parsed.errors, values: parsed.values });
      const result = await setCalendarOverride(db, actor, parsed.data, timeZone);
      const { date } = parsed.data;
      const what = result.ok && result.changed ? "calendarSet" : "unchanged";
      return done(what, "calendar", { year: date.slice(0, 4), date });
    }
    case "calendarRemove": {
      const date = parseCalendarRemoval(form);
      const value = String(form.get("date") ?? "");
      if (!date) {
        return refused({ intent, errors: { form: i18n.t("settings.error.date", { value }) } });
      }
      const result = await removeCalendarOverride(db, actor, date, timeZone);
      if (!result.ok) {
        return refused({
          intent,
          errors: { form: i18n.t("settings.error.notOverridden", { date }) },
        });
      }
      return done("calendarRemoved", "calendar", { year: date.slice(0, 4), date });
    }
    default:
      return refused({ intent: null, errors: { form: i18n.t("settings.unknownIntent") } });
  }
}

const NOTICES: Record<string, MessageKey> = {
  target: "settings.notice.targets",
  replyLimits: "settings.notice.replyLimits",
  rectificationLimits: "settings.notice.rectificationLimits",
  stale: "settings.notice.stale",
  calendarSet: "settings.notice.calendarSet",
  calendarRemoved: "settings.notice.calendarRemoved",
  unchanged: "settings.notice.unchanged",
};

/** A KPI's name; the stored code for a KPI this page has no name for. */
const kpiLabel = (i18n: I18n, kpi: string) => {
  const key = `settings.kpi.${kpi}`;
  return key in messages ? i18n.t(key as MessageKey) : kpi;
};

/** The value to show in an input: as posted when that form was refused, else as stored. */
function valueOf(
  result: ActionAnswer | undefined,
  intent: Intent,
  id: string,
  stored: string,
): string {
  return result?.intent === intent ? (result.values?.[id] ?? stored) : stored;
}

const shown = (value: number | null) => (value === null ? "" : String(value));

export default function AdminSettings() {
  const { settings, calendar } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionAnswer | undefined;
  const [params] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const errors = result?.errors ?? {};
  const noticeKey = NOTICES[params.get("done") ?? ""];
  const notice = noticeKey
    ? t(noticeKey, {
        kpi: kpiLabel(i18n, params.get("kpi") ?? ""),
        date: i18n.date(params.get("date")),
      })
    : undefined;
  const errorOf = (id: string) => errors[id];
  const sections = [
    ["targets", "settings.targets.title"],
    ["reply-limits", "settings.replyLimits.title"],
    ["rectification-limits", "settings.rectification.title"],
    ["data-quality", "settings.stale.title"],
    ["calendar", "settings.calendar.title"],
  ] as const;

  return (
    <>
      <p>
        <Link to="/admin">{t("admin.home.title")}</Link>
      </p>
      <h1>{t("settings.title")}</h1>
      <p className="lede">{t("settings.lede")}</p>
      {notice && !result ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <nav aria-labelledby="settings-contents">
        <h2 id="settings-contents" className="visually-hidden">
          {t("settings.contents")}
        </h2>
        <ul className="settings-contents">
          {sections.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section className="panel" id="targets" aria-labelledby="targets-title">
        <h2 id="targets-title">{t("settings.targets.title")}</h2>
        <p className="hint">{t("settings.targets.intro")}</p>
        <TableScroll labelledBy="targets-title">
          <table className="settings-targets">
            <thead>
              <tr>
                <th scope="col">{t("settings.targets.kpi")}</th>
                <th scope="col">{t("settings.targets.direction")}</th>
                <th scope="col">{t("settings.targets.target")}</th>
                <th scope="col">{t("settings.targets.targetMax")}</th>
                <th scope="col">{t("settings.targets.amberFrom")}</th>
                <th scope="col">{t("settings.targets.amberTo")}</th>
                <th scope="col">{t("settings.targets.action")}</th>
              </tr>
            </thead>
            <tbody>
              {settings.targets.map((target) => {
                const formId = `target-form-${target.kpi}`;
                const label = kpiLabel(i18n, target.kpi);
                const mine = result?.intent === "target" && result.kpi === target.kpi;
                const value = (field: TargetField | "direction", stored: string) =>
                  mine ? (result.values?.[targetFieldId(target.kpi, field)] ?? stored) : stored;
                const directionId = targetFieldId(target.kpi, "direction");
                return (
                  <tr key={`${target.kpi}-${JSON.stringify(target)}-${mine ? "posted" : ""}`}>
                    <th scope="row">
                      {label}
                      <span className="hint settings-basis">{target.basis}</span>
                    </th>
                    <td className={errorOf(directionId) ? "field-error" : undefined}>
                      <label htmlFor={directionId} className="visually-hidden">
                        {t("settings.targets.fieldLabel", {
                          kpi: label,
                          field: t("settings.targets.direction"),
                        })}
                      </label>
                      {errorOf(directionId) ? (
                        <p className="error-message" id={`${directionId}-error`}>
                          {errorOf(directionId)}
                        </p>
                      ) : null}
                      <select
                        id={directionId}
                        name="direction"
                        form={formId}
                        defaultValue={value("direction", target.direction)}
                        aria-invalid={errorOf(directionId) ? true : undefined}
                        aria-describedby={errorOf(directionId) ? `${directionId}-error` : undefined}
                      >
                        {TARGET_DIRECTIONS.map((direction) => (
                          <option key={direction} value={direction}>
                            {t(`settings.direction.${direction}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    {TARGET_FIELDS.map((field) => {
                      const id = targetFieldId(target.kpi, field);
                      const error = errorOf(id);
                      return (
                        <td key={field} className={error ? "field-error" : undefined}>
                          <label htmlFor={id} className="visually-hidden">
                            {t("settings.targets.fieldLabel", {
                              kpi: label,
                              field: t(`settings.targets.${field}`),
                            })}
                          </label>
                          {error ? (
                            <p className="error-message" id={`${id}-error`}>
                              {error}
                            </p>
                          ) : null}
                          <input
                            id={id}
                            name={field}
                            form={formId}
                            inputMode="decimal"
                            size={7}
                            defaultValue={value(field, shown(target[field]))}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${id}-error` : undefined}
                          />
                        </td>
                      );
                    })}
                    <td>
                      <Form method="post" id={formId} noValidate>
                        <CsrfInput />
                        <input type="hidden" name="intent" value="target" />
                        <input type="hidden" name="kpi" value={target.kpi} />
                        <button type="submit" className="button button-secondary">
                          {t("settings.save")}
                          <span className="visually-hidden"> {label}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className="panel" id="reply-limits" aria-labelledby="reply-limits-title">
        <h2 id="reply-limits-title">{t("settings.replyLimits.title")}</h2>
        <p className="hint">{t("settings.replyLimits.intro")}</p>
        <DayLimitsForm
          intent="replyLimits"
          fields={APPEAL_TYPES.map((type) => ({
            id: replyFieldId(type),
            label: t("settings.replyLimits.field", { type: t(`settings.type.${type}`) }),
            stored: settings.replyLimits[type],
          }))}
          result={result}
        />
      </section>

      <section
        className="panel"
        id="rectification-limits"
        aria-labelledby="rectification-limits-title"
      >
        <h2 id="rectification-limits-title">{t("settings.rectification.title")}</h2>
        <p className="hint">{t("settings.rectification.intro")}</p>
        <p className="warning">{t("settings.rectification.newOnly")}</p>
        <DayLimitsForm
          intent="rectificationLimits"
          fields={RECTIFICATION_SOURCES.map((source) => ({
            id: rectificationFieldId(source),
            label: t(`settings.rectification.${source}`),
            stored: settings.rectificationLimits[source],
          }))}
          result={result}
        />
      </section>

      <section className="panel" id="data-quality" aria-labelledby="data-quality-title">
        <h2 id="data-quality-title">{t("settings.stale.title")}</h2>
        <Form method="post" noValidate key={`stale-${settings.staleAfterDays}`}>
          <CsrfInput />
          <input type="hidden" name="intent" value="stale" />
          <div className="settings-fields">
            <Field
              name={STALE_FIELD_ID}
              label={t("settings.stale.field")}
              hint={t("settings.stale.hint")}
              inputMode="numeric"
              size={5}
              defaultValue={valueOf(
                result,
                "stale",
                STALE_FIELD_ID,
                String(settings.staleAfterDays),
              )}
              error={errorOf(STALE_FIELD_ID)}
            />
          </div>
          <button type="submit" className="button">
            {t("settings.save")}
          </button>
        </Form>
      </section>

      <CalendarSection calendar={calendar} result={result} />
    </>
  );
}

/**
 * A form of working-day limits (reply limits per appeal type, rectification limits per
 * source). Keyed by the stored values, so it shows them afresh after a save.
 */
function DayLimitsForm({
  intent,
  fields,
  result,
}: {
  intent: "replyLimits" | "rectificationLimits";
  fields: { id: string; label: string; stored: number }[];
  result: ActionAnswer | undefined;
}) {
  const { t } = useI18n();
  return (
    <Form
      method="post"
      noValidate
      key={`${intent}-${fields.map((field) => field.stored).join(",")}`}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <div className="settings-fields">
        {fields.map((field) => (
          <Field
            key={field.id}
            name={field.id}
            label={field.label}
            inputMode="numeric"
            size={4}
            defaultValue={valueOf(result, intent, field.id, String(field.stored))}
            error={result?.errors?.[field.id]}
          />
        ))}
      </div>
      <button type="submit" className="button">
        {t("settings.save")}
      </button>
    </Form>
  );
}

function CalendarSection({
  calendar,
  result,
}: {
  calendar: ReturnType<typeof useLoaderData<typeof loader>>["calendar"];
  result: ActionAnswer | undefined;
}) {
  // A new, empty form after each save; the posted values stay while they are refused.
  const location = useLocation();
  const i18n = useI18n();
  const { t } = i18n;
  const errors = result?.intent === "calendarSet" ? result.errors : {};
  const value = (id: string) => (result?.intent === "calendarSet" ? result.values?.[id] : "");
  const first = calendar.officialYears[0];
  const last = calendar.officialYears[calendar.officialYears.length - 1];
  const status = (working: boolean) =>
    working ? t("settings.calendar.working") : t("settings.calendar.off");
  const working = value(CALENDAR_FIELD_IDS.working);
  return (
    <section className="panel" id="calendar" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("settings.calendar.title")}</h2>
      <p className="hint">{t("settings.calendar.intro")}</p>
      {first !== undefined && last !== undefined ? (
        <p>{t("settings.calendar.coverage", { first: String(first), last: String(last) })}</p>
      ) : null}
      <nav aria-label={t("settings.calendar.year")} className="settings-years">
        <Link to={`?year=${calendar.year - 1}#calendar`}>
          {t("settings.calendar.prev", { year: String(calendar.year - 1) })}
        </Link>
        <Form method="get" action="/admin/settings#calendar" className="settings-year-form">
          <label htmlFor="calendar-year">{t("settings.calendar.year")}</label>
          <input
            id="calendar-year"
            name="year"
            inputMode="numeric"
            size={5}
            defaultValue={calendar.year}
            key={calendar.year}
          />
          <button type="submit" className="button button-secondary">
            {t("settings.calendar.show")}
          </button>
        </Form>
        <Link to={`?year=${calendar.year + 1}#calendar`}>
          {t("settings.calendar.next", { year: String(calendar.year + 1) })}
        </Link>
      </nav>
      {calendar.hasOfficialData ? null : (
        <p className="warning" role="note">
          {t("settings.calendar.uncovered", { year: String(calendar.year) })}
        </p>
      )}

      <h3 id="calendar-list-title">
        {t("settings.calendar.listTitle", { year: String(calendar.year) })}
      </h3>
      {calendar.days.length === 0 ? (
        <p>{t("settings.calendar.none")}</p>
      ) : (
        <TableScroll labelledBy="calendar-list-title">
          <table className="settings-calendar">
            <caption className="visually-hidden">
              {t("settings.calendar.caption", {
                year: String(calendar.year),
                count: calendar.days.length,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("settings.calendar.date")}</th>
                <th scope="col">{t("settings.calendar.status")}</th>
                <th scope="col">{t("settings.calendar.name")}</th>
                <th scope="col">{t("settings.calendar.source")}</th>
                <th scope="col">{t("settings.targets.action")}</th>
              </tr>
            </thead>
            <tbody>
              {calendar.days.map((day) => (
                <tr key={day.date} className={day.source === "override" ? "settings-override" : ""}>
                  <th scope="row">
                    <time dateTime={day.date}>{i18n.date(day.date)}</time>
                  </th>
                  <td>
                    {status(day.isWorking)}
                    {day.isWorking !== day.weekday ? null : (
                      <span className="hint"> {t("settings.calendar.sameAsRule")}</span>
                    )}
                  </td>
                  <td>{day.name ?? "—"}</td>
                  <td>
                    {day.source === "official"
                      ? t("settings.calendar.source.official")
                      : day.imported
                        ? t("settings.calendar.source.imported")
                        : t("settings.calendar.source.override")}
                    {day.official ? (
                      <span className="hint">
                        {" "}
                        {t("settings.calendar.replaces", {
                          status: status(day.official.isWorking),
                          name: day.official.name ? ` ${day.official.name}` : "",
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {day.source === "override" ? (
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="calendarRemove" />
                        <input type="hidden" name="date" value={day.date} />
                        <button type="submit" className="settings-remove">
                          {t("settings.calendar.remove")}
                          <span className="visually-hidden"> {day.date}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h3 id="calendar-form-title">{t("settings.calendar.formTitle")}</h3>
      <Form
        method="post"
        noValidate
        aria-labelledby="calendar-form-title"
        key={result?.intent === "calendarSet" ? "posted" : location.key}
      >
        <CsrfInput />
        <input type="hidden" name="intent" value="calendarSet" />
        <p className="hint">{t("settings.calendar.formHint")}</p>
        <div className="settings-fields">
          <Field
            id={CALENDAR_FIELD_IDS.date}
            name="date"
            label={t("settings.calendar.field.date")}
            hint="YYYY-MM-DD"
            inputMode="numeric"
            size={11}
            defaultValue={value(CALENDAR_FIELD_IDS.date)}
            error={errors[CALENDAR_FIELD_IDS.date]}
          />
          <fieldset
            className={errors[CALENDAR_FIELD_IDS.working] ? "field field-error" : "field"}
            aria-describedby={
              errors[CALENDAR_FIELD_IDS.working] ? `${CALENDAR_FIELD_IDS.working}-error` : undefined
            }
          >
            <legend>{t("settings.calendar.field.working")}</legend>
            {errors[CALENDAR_FIELD_IDS.working] ? (
              <p className="error-message" id={`${CALENDAR_FIELD_IDS.working}-error`}>
                {errors[CALENDAR_FIELD_IDS.working]}
              </p>
            ) : null}
            <label>
              <input
                type="radio"
                name="working"
                value="no"
                id={CALENDAR_FIELD_IDS.working}
                defaultChecked={working === "no"}
              />{" "}
              {t("settings.calendar.off")}
            </label>{" "}
            <label>
              <input type="radio" name="working" value="yes" defaultChecked={working === "yes"} />{" "}
              {t("settings.calendar.working")}
            </label>
          </fieldset>
          <Field
            id={CALENDAR_FIELD_IDS.name}
            name="name"
            label={t("settings.calendar.field.name")}
            maxLength={200}
            defaultValue={value(CALENDAR_FIELD_IDS.name)}
            error={errors[CALENDAR_FIELD_IDS.name]}
          />
        </div>
        <button type="submit" className="button">
          {t("settings.save")}
        </button>
      </Form>
    </section>
  );
}
