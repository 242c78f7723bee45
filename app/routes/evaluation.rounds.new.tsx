import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  createRound,
  listProjectOptions,
  listPublishedFrameworks,
} from "../../db/queries/rounds.server";
import { getDb } from "../../db/runtime.server";
import { ErrorSummary } from "~/components/forms";
import evaluationStyles from "~/evaluation/evaluation.css";
import { RoundForm, useFormAnswer } from "~/evaluation/round-form";
import { parseNewRoundForm, refusedRound } from "~/evaluation/round-form.server";
import { actorOf } from "~/evaluation/workspace.server";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("rounds.new")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin", "leader"] });
  const db = getDb();
  const [frameworks, projects] = await Promise.all([
    listPublishedFrameworks(db),
    listProjectOptions(db),
  ]);
  return { frameworks, projects };
}

/** A new round in planning; on success its page. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader"] });
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const parsed = parseNewRoundForm(form, i18n);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createRound(getDb(), parsed.data, actorOf(user, clientIp(request)));
  if (!result.ok) return refusedRound(i18n, result.reason, parsed.values);
  return redirect(`/evaluation/rounds/${encodeURIComponent(result.code)}?done=created`);
}

export default function NewRound() {
  const { frameworks, projects } = useLoaderData<typeof loader>();
  const { errors, values, text } = useFormAnswer(useActionData<typeof action>());
  const { t } = useI18n();
  return (
    <section className="narrow-form">
      <p>
        <Link to="/evaluation/rounds">{t("rounds.back")}</Link>
      </p>
      <h1>{t("rounds.new")}</h1>
      <ErrorSummary errors={errors} />
      <RoundForm
        frameworks={frameworks}
        projects={projects}
        defaults={{
          code: text("code") ?? "",
          name: text("name"),
          frameworkId: text("frameworkId"),
          periodStart: text("periodStart"),
          periodEnd: text("periodEnd"),
          deadline: text("deadline"),
          disagreementThreshold: text("disagreementThreshold") ?? "20",
          projectIds: Array.isArray(values?.projectIds) ? values.projectIds : [],
        }}
        errors={errors}
        submitLabel={t("rounds.create.submit")}
      />
    </section>
  );
}
