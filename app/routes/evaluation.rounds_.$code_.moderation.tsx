import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import {
  loadModeration,
  returnScore,
  startModeration,
  type ModerationSheet,
} from "../../db/queries/round-moderation.server";
import { getDb } from "../../db/runtime.server";
import { getSettings } from "../../db/settings.server";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import evaluationStyles from "~/evaluation/evaluation.css";
import moderationStyles from "~/evaluation/moderation.css";
import {
  moderationRefusal,
  parseReturnForm,
  parseViewQuery,
  requireModerationRound,
} from "~/evaluation/moderation.server";
import { actorOf } from "~/evaluation/workspace.server";
import { createI18n, useI18n, type I18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: evaluationStyles },
  { rel: "stylesheet", href: moderationStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const i18n = metaI18n(matches);
  return [
    {
      title: pageTitle(i18n, i18n.t("moderation.title", { round: loaded?.round.code ?? "" })),
    },
  ];
};

/** Moderation of a round (leaders, admins): every submitted score beside the others. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin", "leader"] });
  const db = getDb();
  const round = await requireModerationRound(db, params.code);
  const query = parseViewQuery(new URL(request.url));
  const sheet = await loadModeration(db, round);
  return {
    round,
    sheet,
    query,
    returning: returningOf(sheet, query.return),
    timeZone: getSettings().timeZone,
  };
}

/** The score the return form is about, if the query names one of this round's. */
function returningOf(sheet: ModerationSheet, scoreId: number | undefined) {
  if (scoreId === undefined) return null;
  for (const project of sheet.projects)
    for (const cell of project.cells) {
      const score = cell.scores.find((s) => s.scoreId === scoreId && s.returned === null);
      const criterion = sheet.criteria.find((c) => c.id === cell.criterionId);
      if (score && criterion)
        return {
          scoreId,
          project: project.name,
          criterion: `${criterion.code} ${criterion.name}`,
          evaluator: score.evaluator,
          value: score.value,
        };
    }
  return null;
}

/** intent=start (open → moderation) or return (one score back to its evaluator). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader"] });
  const form = await readForm(request);
  const db = getDb();
  const round = await requireModerationRound(db, params.code);
  const i18n = createI18n(localeOf(request));
  const actor = actorOf(user, clientIp(request));
  const here = `/evaluation/rounds/${encodeURIComponent(round.code)}/moderation`;
  const intent = form.get("intent");
  if (intent === "start") {
    const result = await startModeration(db, round.id, actor);
    if (!result.ok) {
      const { status, errors } = moderationRefusal(i18n, result.reason);
      return data({ errors, comment: undefined }, { status });
    }
    return redirect(`${here}?started=1`);
  }
  if (intent === "return") {
    const parsed = parseReturnForm(form, i18n);
    if (!parsed.ok)
      return data({ errors: parsed.errors, comment: parsed.comment }, { status: 400 });
    const result = await returnScore(
      db,
      { roundId: round.id, scoreId: parsed.scoreId, comment: parsed.comment },
      actor,
    );
    if (!result.ok) {
      const { status, errors } = moderationRefusal(i18n, result.reason);
      return data({ errors, comment: parsed.comment }, { status });
    }
    return redirect(`${here}?returned=1`);
  }
  return data(
    { errors: { form: i18n.t("moderation.refusal.not_found") }, comment: undefined },
    { status: 400 },
  );
}

const twoDecimals = { maximumFractionDigits: 2 } as const;

export default function ModerationPage() {
  const { round, sheet, query, returning, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const i18n = useI18n();
  const { t } = i18n;
  const errors: Partial<Record<string, string>> | undefined = result?.errors;
  useEffect(() => {
    if (errors) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [errors]);
  const here = `/evaluation/rounds/${encodeURIComponent(round.code)}/moderation`;
  const flaggedOnly = query.flagged === "1";
  const threshold = i18n.number(round.threshold, twoDecimals);
  const notice =
    query.started === "1"
      ? t("moderation.notice.started")
      : query.returned === "1"
        ? t("moderation.notice.returned")
        : query.closed !== undefined && round.state === "closed"
          ? t("moderation.notice.closed", { count: query.closed })
          : null;
  return (
    <>
      <p>
        <Link to="/evaluation">{t("moderation.back")}</Link>
      </p>
      <h1>{t("moderation.title", { round: `${round.name} (${round.code})` })}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl className="facts">
        <dt>{t("moderation.facts.state")}</dt>
        <dd>{t(`dashboard.project.roundState.${round.state}`)}</dd>
        <dt>{t("moderation.facts.framework")}</dt>
        <dd>
          {t("dashboard.project.frameworkVersion", {
            code: round.framework.code,
            version: String(round.framework.version),
          })}
        </dd>
        <dt>{t("moderation.facts.period")}</dt>
        <dd>
          {t("evaluation.assignment.periodRange", {
            from: i18n.date(round.periodStart),
            to: i18n.date(round.periodEnd),
          })}
        </dd>
        <dt>{t("moderation.facts.threshold")}</dt>
        <dd>{t("moderation.facts.thresholdValue", { value: threshold })}</dd>
        {round.closedAt ? (
          <>
            <dt>{t("moderation.facts.closed")}</dt>
            <dd>
              {t("moderation.facts.closedBy", {
                date: formatDateTime(round.closedAt, timeZone, i18n.locale),
                name: round.closedBy ?? "",
              })}
            </dd>
          </>
        ) : null}
      </dl>

      {round.state === "open" ? (
        <section aria-labelledby="start-heading" className="moderation-action">
          <p className="notice">{t("moderation.notice.open")}</p>
          <h2 id="start-heading">{t("moderation.start.heading")}</h2>
          <p id="start-hint">{t("moderation.start.hint")}</p>
          <Form method="post">
            <CsrfInput />
            <button
              type="submit"
              name="intent"
              value="start"
              className="button"
              aria-describedby="start-hint"
            >
              {t("moderation.start.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      {round.state === "moderation" ? (
        <p>
          <Link className="button" to={`${here}/close`}>
            {t("moderation.close.link")}
          </Link>
        </p>
      ) : null}
      {round.state === "closed" && !notice ? (
        <p className="notice">{t("moderation.notice.closedPlain")}</p>
      ) : null}

      {returning && round.state === "moderation" ? (
        <ReturnForm
          returning={returning}
          error={errors?.comment}
          comment={result?.comment}
          cancel={flaggedOnly ? `${here}?flagged=1` : here}
        />
      ) : null}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t("moderation.summary.heading")}</h2>
        <p>
          {t("moderation.summary.flagged", {
            flagged: sheet.flaggedPairs,
            pairs: sheet.scoredPairs,
            threshold,
          })}
        </p>
        {sheet.pendingReturns.length > 0 ? (
          <>
            <p>{t("moderation.summary.pending", { count: sheet.pendingReturns.length })}</p>
            <ul>
              {sheet.pendingReturns.map((item) => (
                <li key={`${item.project} ${item.criterion} ${item.evaluator}`}>
                  {t("moderation.pendingItem", { ...item })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Form method="get" className="moderation-filter">
          <fieldset>
            <legend>{t("moderation.filter.legend")}</legend>
            <label>
              <input type="checkbox" name="flagged" value="1" defaultChecked={flaggedOnly} />{" "}
              {t("moderation.filter.flagged")}
            </label>{" "}
            <button type="submit" className="button button-secondary">
              {t("moderation.filter.apply")}
            </button>
          </fieldset>
        </Form>
      </section>

      <IccTable sheet={sheet} i18n={i18n} />

      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">{t("moderation.projects.heading")}</h2>
        {flaggedOnly && sheet.flaggedPairs === 0 ? <p>{t("moderation.filter.none")}</p> : null}
        {sheet.projects.map((project) => {
          const cells = flaggedOnly ? project.cells.filter((cell) => cell.flagged) : project.cells;
          if (flaggedOnly && cells.length === 0) return null;
          return (
            <table key={project.code} className="moderation-table">
              <caption>
                {t("moderation.project.caption", {
                  project: project.name,
                  code: project.code,
                  department: project.department,
                })}
                {project.finalScore !== null ? (
                  <>
                    {" · "}
                    {t("moderation.project.finalScore", {
                      score: i18n.number(project.finalScore, {
                        minimumFractionDigits: 1,
                        maximumFractionDigits: 1,
                      }),
                    })}
                  </>
                ) : null}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("moderation.col.criterion")}</th>
                  <th scope="col">{t("moderation.col.scores")}</th>
                  <th scope="col" className="numeric">
                    {t("moderation.col.mean")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("moderation.col.spread")}
                  </th>
                  <th scope="col">{t("moderation.col.flag")}</th>
                </tr>
              </thead>
              <tbody>
                {cells.map((cell) => {
                  const criterion = sheet.criteria.find((c) => c.id === cell.criterionId);
                  const label = criterion ? `${criterion.code} ${criterion.name}` : "";
                  return (
                    <tr key={cell.criterionId} className={cell.flagged ? "flagged" : undefined}>
                      <th scope="row">{label}</th>
                      <td>
                        {cell.scores.length === 0 ? (
                          t("moderation.noScores")
                        ) : (
                          <ul className="moderation-scores">
                            {cell.scores.map((score) => (
                              <li key={score.scoreId}>
                                {score.evaluator}:{" "}
                                <strong>{i18n.number(score.value, twoDecimals)}</strong>
                                {score.returned ? (
                                  <span className="returned-mark">
                                    {" "}
                                    (
                                    {t("moderation.returnedMark", {
                                      comment: score.returned.comment,
                                    })}
                                    )
                                  </span>
                                ) : round.state === "moderation" ? (
                                  <>
                                    {" "}
                                    <Link
                                      to={`${here}?${flaggedOnly ? "flagged=1&" : ""}return=${score.scoreId}#return-heading`}
                                      aria-label={t("moderation.returnLinkLabel", {
                                        evaluator: score.evaluator,
                                        criterion: criterion?.code ?? "",
                                        project: project.name,
                                      })}
                                    >
                                      {t("moderation.returnLink")}
                                    </Link>
                                  </>
                                ) : null}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="numeric">{i18n.number(cell.mean, twoDecimals)}</td>
                      <td className="numeric">{i18n.number(cell.spread, twoDecimals)}</td>
                      <td>
                        {cell.flagged ? (
                          <strong className="flag">
                            {t("moderation.flagged", {
                              spread: i18n.number(cell.spread, twoDecimals),
                              threshold,
                            })}
                          </strong>
                        ) : cell.scores.length > 0 ? (
                          t("moderation.notFlagged")
                        ) : (
                          ""
                        )}
                      </td>
                    </tr>
                  );
                })}
                {flaggedOnly
                  ? null
                  : project.kpis.map((kpi) => {
                      const criterion = sheet.criteria.find((c) => c.id === kpi.criterionId);
                      return (
                        <tr key={kpi.criterionId}>
                          <th scope="row">
                            {criterion ? `${criterion.code} ${criterion.name}` : kpi.key}
                          </th>
                          <td colSpan={4}>
                            {t("moderation.kpiValue", {
                              kpi: kpi.key,
                              value:
                                kpi.value === null
                                  ? i18n.noData
                                  : i18n.number(kpi.value, { maximumFractionDigits: 3 }),
                            })}
                          </td>
                        </tr>
                      );
                    })}
              </tbody>
            </table>
          );
        })}
      </section>
    </>
  );
}

function IccTable({ sheet, i18n }: { sheet: ModerationSheet; i18n: I18n }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="icc-heading">
      <h2 id="icc-heading">{t("moderation.icc.heading")}</h2>
      <table className="icc-table">
        <caption>{t("moderation.icc.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("moderation.icc.criterion")}</th>
            <th scope="col" className="numeric">
              {t("moderation.icc.value")}
            </th>
          </tr>
        </thead>
        <tbody>
          {sheet.criteria.map((criterion) => {
            const value = sheet.icc[criterion.code] ?? null;
            return (
              <tr key={criterion.id}>
                <th scope="row">
                  {criterion.code} {criterion.name}
                </th>
                <td className="numeric">
                  {criterion.scoring === "kpi"
                    ? t("moderation.icc.kpi")
                    : value === null
                      ? t("moderation.icc.noData")
                      : i18n.number(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function ReturnForm({
  returning,
  error,
  comment,
  cancel,
}: {
  returning: {
    scoreId: number;
    project: string;
    criterion: string;
    evaluator: string;
    value: number;
  };
  error: string | undefined;
  comment: string | undefined;
  cancel: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="return-heading" className="moderation-return">
      <h2 id="return-heading">{t("moderation.return.heading")}</h2>
      <p>
        {t("moderation.return.what", {
          project: returning.project,
          criterion: returning.criterion,
          evaluator: returning.evaluator,
          value: i18n.number(returning.value, twoDecimals),
        })}
      </p>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="scoreId" value={returning.scoreId} />
        <div className={error ? "field field-error" : "field"}>
          <label htmlFor="comment">{t("moderation.return.comment")}</label>
          <p className="hint" id="comment-hint">
            {t("moderation.return.commentHint")}
          </p>
          {error ? (
            <p className="error-message" id="comment-error">
              {error}
            </p>
          ) : null}
          <textarea
            id="comment"
            name="comment"
            rows={3}
            required
            defaultValue={comment ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "comment-hint comment-error" : "comment-hint"}
          />
        </div>
        <p>
          <button type="submit" name="intent" value="return" className="button">
            {t("moderation.return.submit")}
          </button>{" "}
          <Link to={cancel}>{t("moderation.return.cancel")}</Link>
        </p>
      </Form>
    </section>
  );
}
