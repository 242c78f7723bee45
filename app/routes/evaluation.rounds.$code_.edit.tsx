import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { listPublishedFrameworks, updateRound } from "../../db/queries/rounds.server";
import { getDb } from "../../db/runtime.server";
import { ErrorSummary } from "~/components/forms";
import evaluationStyles from "~/evaluation/evaluation.css";
import { RoundForm, useFormAnswer } from "~/evaluation/round-form";
import { parseRoundSettingsForm, refusedRound } from "~/evaluation/round-form.server";
import { requireRound } from "~/evaluation/rounds.server";
import { actorOf } from "~/evaluation/workspace.server";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const i18n = metaI18n(matches);
  return [
    {
      title: pageTitle(i18n, i18n.t("rounds.edit.heading", { code: loaded?.round.code ?? "" })),
    },
  ];
};

/** A planned round's settings; once open, the form says it can no longer change. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin", "leader"] });
  const db = getDb();
  const round = await requireRound(db, params.code);
  return { round, frameworks: await listPublishedFrameworks(db) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader"] });
  const form = await readForm(request);
  const db = getDb();
  const round = await requireRound(db, params.code);
  const i18n = createI18n(localeOf(request));
  const parsed = parseRoundSettingsForm(form, i18n);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await updateRound(db, round.code, parsed.data, actorOf(user, clientIp(request)));
  if (!result.ok) return refusedRound(i18n, result.reason, parsed.values);
  return redirect(`/evaluation/rounds/${encodeURIComponent(round.code)}?done=updated`);
}

export default function EditRound() {
  const { round, frameworks } = useLoaderData<typeof loader>();
  const { errors, text } = useFormAnswer(useActionData<typeof action>());
  const { t } = useI18n();
  const path = `/evaluation/rounds/${encodeURIComponent(round.code)}`;
  return (
    <section className="narrow-form">
      <p>
        <Link to={path}>
          ← {round.code} · {round.name}
        </Link>
      </p>
      <h1>{t("rounds.edit.heading", { code: round.code })}</h1>
      <ErrorSummary errors={errors} />
      {round.state === "planning" ? (
        <RoundForm
          frameworks={frameworks}
          defaults={{
            name: text("name", round.name),
            frameworkId: text("frameworkId", String(round.frameworkId)),
            periodStart: text("periodStart", round.periodStart),
            periodEnd: text("periodEnd", round.periodEnd),
            deadline: text("deadline", round.deadline),
            disagreementThreshold: text("disagreementThreshold", round.disagreementThreshold),
          }}
          errors={errors}
          submitLabel={t("rounds.edit.submit")}
        />
      ) : (
        <p className="notice">{t("rounds.refusal.not_planning")}</p>
      )}
    </section>
  );
}
