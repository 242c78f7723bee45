import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseFrameworkJson } from "../../db/queries/framework-json.server";
import {
  createFramework,
  importFramework,
  listFrameworks,
} from "../../db/queries/frameworks.server";
import { getDb } from "../../db/runtime.server";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { issueMessage, refusalMessage } from "~/frameworks/issue-messages";
import { parseCreateForm, type FormErrors } from "~/frameworks/framework-forms.server";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";
import { getSettings } from "~/utils/settings.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("frameworks.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const { timeZone } = getSettings();
  const locale = localeOf(request);
  const when = (date: Date | null) => (date ? formatDateTime(date, timeZone, locale) : null);
  const frameworks = await listFrameworks(getDb());
  return {
    frameworks: frameworks.map((framework) => ({
      code: framework.code,
      versions: framework.versions.map((version) => ({
        ...version,
        publishedAt: when(version.publishedAt),
        createdAt: when(version.createdAt),
      })),
    })),
  };
}

/** The largest JSON file an import takes: the form's own cap leaves room for the rest. */
const MAX_JSON_BYTES = 900 * 1024;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const actor = { id: admin.id, name: admin.username, ip: clientIp(request) };
  const intent = form.get("intent");
  if (intent === "create") {
    const parsed = parseCreateForm(form, i18n);
    if (!parsed.ok)
      return data(
        { intent, errors: parsed.errors, values: parsed.values, details: [] },
        { status: 400 },
      );
    const result = await createFramework(getDb(), parsed.data, actor);
    if (!result.ok) {
      const errors: FormErrors = {
        code: refusalMessage(i18n, "code_taken", { code: parsed.data.code }),
      };
      return data({ intent, errors, values: parsed.values, details: [] }, { status: 409 });
    }
    return redirect(`/admin/frameworks/${result.id}?done=created`);
  }
  if (intent === "import") {
    const file = form.get("file");
    // The summary links the first problem to the field; the field lists every one.
    const fail = (messages: string[], status = 400) =>
      data(
        { intent, errors: { file: messages[0] } as FormErrors, values: {}, details: messages },
        { status },
      );
    if (!(file instanceof File) || file.size === 0)
      return fail([i18n.t("frameworks.import.noFile")]);
    if (file.size > MAX_JSON_BYTES)
      return fail([i18n.t("frameworks.import.tooLarge", { max: MAX_JSON_BYTES / 1024 })], 413);
    let source: string;
    try {
      source = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return fail([i18n.t("frameworks.import.notUtf8")]);
    }
    const parsed = parseFrameworkJson(source);
    if (!parsed.ok)
      return fail(parsed.errors.map((error) => i18n.t("frameworks.import.error", { ...error })));
    const result = await importFramework(getDb(), parsed.framework, actor, file.name);
    if (!result.ok) {
      if (result.reason === "invalid")
        return fail((result.issues ?? []).map((issue) => issueMessage(i18n, issue)));
      return fail([refusalMessage(i18n, result.reason)], 409);
    }
    return redirect(`/admin/frameworks/${result.id}?done=imported&version=${result.version}`);
  }
  return data(
    {
      intent: null,
      errors: { form: i18n.t("frameworks.error.unknownIntent") },
      values: {},
      details: [],
    },
    { status: 400 },
  );
}

export default function AdminFrameworks() {
  const { frameworks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const i18n = useI18n();
  const { t } = i18n;
  const errors: FormErrors | undefined = result?.errors;
  const createErrors = result?.intent === "create" ? errors : undefined;
  const importErrors = result?.intent === "import" ? errors : undefined;
  const values: Record<string, string> = result?.values ?? {};
  const versions = frameworks.flatMap((framework) => framework.versions);
  return (
    <>
      <p>
        <Link to="/admin">{t("admin.home.title")}</Link>
      </p>
      <h1>{t("frameworks.title")}</h1>
      <p>{t("frameworks.intro")}</p>
      <ErrorSummary errors={errors} />
      {versions.length === 0 ? (
        <p>{t("frameworks.empty")}</p>
      ) : (
        <table>
          <caption>{t("frameworks.caption", { count: frameworks.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("frameworks.column.code")}</th>
              <th scope="col" className="numeric">
                {t("frameworks.column.version")}
              </th>
              <th scope="col">{t("frameworks.column.name")}</th>
              <th scope="col">{t("frameworks.column.state")}</th>
              <th scope="col">{t("frameworks.column.created")}</th>
              <th scope="col">{t("frameworks.column.published")}</th>
              <th scope="col" className="numeric">
                {t("frameworks.column.rounds")}
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id}>
                <th scope="row">{version.code}</th>
                <td className="numeric">
                  <Link
                    to={`/admin/frameworks/${version.id}`}
                    aria-label={`${version.code} ${t("frameworks.versionLabel", { version: version.version })}`}
                  >
                    {version.version}
                  </Link>
                </td>
                <td>
                  <Link to={`/admin/frameworks/${version.id}`}>{version.name}</Link>
                </td>
                <td>
                  {t(version.publishedAt ? "frameworks.state.published" : "frameworks.state.draft")}
                </td>
                <td>{version.createdAt}</td>
                <td>{version.publishedAt ?? "—"}</td>
                <td className="numeric">{i18n.number(version.rounds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="panel" aria-labelledby="new-framework">
        <h2 id="new-framework">{t("frameworks.new.heading")}</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          <Field
            name="code"
            label={t("frameworks.field.code")}
            hint={t("frameworks.new.codeHint")}
            defaultValue={values.code}
            error={createErrors?.code}
            autoComplete="off"
          />
          <Field
            name="name"
            label={t("frameworks.field.name")}
            defaultValue={values.name}
            error={createErrors?.name}
          />
          <Field
            name="description"
            label={t("frameworks.field.description")}
            defaultValue={values.description}
            error={createErrors?.description}
          />
          <button type="submit" className="button">
            {t("frameworks.new.submit")}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="import-framework">
        <h2 id="import-framework">{t("frameworks.import.heading")}</h2>
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="import" />
          <Field
            name="file"
            type="file"
            accept="application/json,.json"
            label={t("frameworks.import.file")}
            hint={t("frameworks.import.hint")}
            error={importErrors?.file}
          />
          {importErrors && result && result.details.length > 1 ? (
            <ul className="error-list" aria-label={t("frameworks.import.file")}>
              {result.details.slice(1).map((message, index) => (
                <li key={index} className="error-message">
                  {message}
                </li>
              ))}
            </ul>
          ) : null}
          <button type="submit" className="button button-secondary">
            {t("frameworks.import.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
