import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  addNode,
  addRubricLevel,
  createNextVersion,
  loadFrameworkVersion,
  moveNode,
  nodeDrafts,
  publishFramework,
  removeNode,
  removeRubricLevel,
  updateFrameworkHeader,
  updateNode,
  type FrameworkResult,
} from "../../db/queries/frameworks.server";
import { getDb } from "../../db/runtime.server";
import { criterionPathWeights, frameworkTree } from "../../metrics/evaluation-result";
import { frameworkIssues, type FrameworkIssue } from "../../metrics/framework-validation";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import {
  FrameworkTreeTable,
  LevelEditor,
  NodeForm,
  type TreeNode,
} from "~/frameworks/framework-editor";
import {
  moveDirection,
  parseHeaderForm,
  parseLevelForm,
  parseNodeForm,
  postedId,
  type FormErrors,
} from "~/frameworks/framework-forms.server";
import frameworkStyles from "~/frameworks/frameworks.css";
import { issueMessage, refusalMessage } from "~/frameworks/issue-messages";
import { createI18n, useI18n, type I18n, type MessageKey } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { requireIdParam } from "~/utils/id-param.server";
import { notFound, requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";
import { getSettings } from "~/utils/settings.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  const name = data ? `${data.framework.code} v${data.framework.version}` : "";
  return [{ title: pageTitle(i18n, `${name} · ${i18n.t("frameworks.title")}`) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const version = await loadFrameworkVersion(getDb(), requireIdParam(params.id));
  if (!version) throw notFound();
  const i18n = createI18n(localeOf(request));
  const { timeZone } = getSettings();
  const drafts = nodeDrafts(version.nodes);
  const issues = version.publishedAt ? [] : frameworkIssues(drafts);
  // The path weights only mean something on a tree whose parents are all known.
  const pathWeights = criterionPathWeights(frameworkTree(drafts));
  const nodes: TreeNode[] = version.nodes.map((node) => ({
    ...node,
    pathWeight: pathWeights.get(node.code) ?? null,
  }));
  const editId = Number(new URL(request.url).searchParams.get("edit"));
  return {
    framework: {
      id: version.id,
      code: version.code,
      version: version.version,
      name: version.name,
      description: version.description,
      published: version.publishedAt !== null,
      publishedAt: version.publishedAt
        ? formatDateTime(version.publishedAt, timeZone, i18n.locale)
        : null,
      createdAt: formatDateTime(version.createdAt, timeZone, i18n.locale),
      rounds: version.rounds,
    },
    versions: version.versions,
    nodes,
    issues: issues.map((issue) => ({
      code: issue.node?.code ?? null,
      message: issueMessage(i18n, issue),
    })),
    editing: version.publishedAt ? null : (nodes.find((node) => node.id === editId) ?? null),
  };
}

type Intent =
  | "header"
  | "add-node"
  | "edit-node"
  | "remove-node"
  | "move"
  | "add-level"
  | "remove-level"
  | "publish"
  | "new-version";

interface ActionAnswer {
  intent: Intent | null;
  errors: FormErrors;
  values: Record<string, string>;
}

/** The form field each kind of issue of a node or level is about. */
const ISSUE_FIELDS: Partial<Record<FrameworkIssue["kind"], string>> = {
  weight_range: "weight",
  score_range: "minScore",
  justify_outside: "justifyBelow",
  justify_order: "justifyBelow",
  justify_on_kpi: "justifyBelow",
  unknown_kpi: "kpiKey",
  level_order: "minScore",
  level_outside: "minScore",
  level_overlap: "minScore",
};

/** A refused write: 404 for what does not exist, else the page again with the reason. */
function refused(
  i18n: I18n,
  intent: Intent,
  result: Extract<FrameworkResult, { ok: false }>,
  field: string,
  values: Record<string, string> = {},
  vars: { code?: string; label?: string } = {},
) {
  if (result.reason === "not_found") throw notFound();
  const errors: FormErrors = {};
  if (result.reason === "invalid" && intent === "publish")
    errors.form = i18n.t("frameworks.error.invalid");
  else if (result.reason === "invalid") {
    // Each issue at the field it is about: the range, a threshold, the KPI, the weight.
    const prefix = field.slice(0, field.indexOf("-") + 1);
    for (const issue of result.issues ?? []) {
      const key = `${prefix}${ISSUE_FIELDS[issue.kind] ?? field.slice(prefix.length)}`;
      errors[key] = [errors[key], issueMessage(i18n, issue)].filter(Boolean).join(" ");
    }
  } else errors[field] = refusalMessage(i18n, result.reason, vars);
  const status = result.reason === "published" || result.reason === "draft_exists" ? 409 : 400;
  return data<ActionAnswer>({ intent, errors, values }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const frameworkId = requireIdParam(params.id);
  const actor = { id: admin.id, name: admin.username, ip: clientIp(request) };
  const db = getDb();
  const intent = String(form.get("intent") ?? "") as Intent;
  const nodeId = postedId(form, "nodeId");
  const done = (what: string, edit?: number) =>
    redirect(
      `/admin/frameworks/${frameworkId}?done=${what}${edit ? `&edit=${edit}#edit-node` : ""}`,
    );
  const invalid = (errors: FormErrors, values: Record<string, string>) =>
    data<ActionAnswer>({ intent, errors, values }, { status: 400 });
  switch (intent) {
    case "header": {
      const parsed = parseHeaderForm(form, i18n);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const result = await updateFrameworkHeader(db, { frameworkId, ...parsed.data }, actor);
      if (!result.ok) return refused(i18n, intent, result, "header-name", parsed.values);
      return done("saved");
    }
    case "add-node":
    case "edit-node": {
      const prefix = intent === "add-node" ? "new-" : "edit-";
      const parsed = parseNodeForm(form, prefix, i18n);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const { kind, parentId, ...node } = parsed.data;
      if (intent === "edit-node" && nodeId === undefined) throw notFound();
      const result =
        intent === "add-node"
          ? await addNode(db, { frameworkId, parentId, kind: kind ?? "criterion", node }, actor)
          : await updateNode(db, { frameworkId, nodeId: nodeId!, node }, actor);
      if (!result.ok)
        return refused(i18n, intent, result, `${prefix}code`, parsed.values, { code: node.code });
      return done("saved", intent === "edit-node" ? nodeId : undefined);
    }
    case "remove-node":
    case "move": {
      if (nodeId === undefined) throw notFound();
      const direction = moveDirection.safeParse(form.get("direction"));
      if (intent === "move" && !direction.success)
        return invalid({ form: i18n.t("frameworks.error.unknownIntent") }, {});
      const result =
        intent === "move"
          ? await moveNode(db, { frameworkId, nodeId, direction: direction.data! }, actor)
          : await removeNode(db, { frameworkId, nodeId }, actor);
      if (!result.ok) return refused(i18n, intent, result, "form");
      return done("saved");
    }
    case "add-level": {
      if (nodeId === undefined) throw notFound();
      const parsed = parseLevelForm(form, i18n);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const result = await addRubricLevel(db, { frameworkId, nodeId, ...parsed.data }, actor);
      if (!result.ok)
        return refused(i18n, intent, result, "level-label", parsed.values, {
          label: parsed.data.label,
        });
      return done("saved", nodeId);
    }
    case "remove-level": {
      const levelId = postedId(form, "levelId");
      if (levelId === undefined) throw notFound();
      const result = await removeRubricLevel(db, { frameworkId, levelId }, actor);
      if (!result.ok) return refused(i18n, intent, result, "form");
      return done("saved", nodeId);
    }
    case "publish": {
      const result = await publishFramework(db, { frameworkId }, actor);
      if (!result.ok) return refused(i18n, intent, result, "form");
      return done("published");
    }
    case "new-version": {
      const result = await createNextVersion(db, frameworkId, actor);
      if (!result.ok) return refused(i18n, intent, result, "form");
      return redirect(`/admin/frameworks/${result.id}?done=versionCreated`);
    }
    default:
      return data<ActionAnswer>(
        { intent: null, errors: { form: i18n.t("frameworks.error.unknownIntent") }, values: {} },
        { status: 400 },
      );
  }
}

const NOTICES: Record<string, MessageKey> = {
  created: "frameworks.notice.created",
  saved: "frameworks.notice.saved",
  published: "frameworks.notice.published",
  versionCreated: "frameworks.notice.versionCreated",
};

export default function AdminFramework() {
  const { framework, versions, nodes, issues, editing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const done = params.get("done") ?? "";
  const notice =
    done === "imported"
      ? t("frameworks.notice.imported", { version: params.get("version") ?? "" })
      : NOTICES[done]
        ? t(NOTICES[done])
        : null;
  const errors: FormErrors | undefined = result?.errors;
  const values = result?.values ?? {};
  const errorsOf = (...intents: Intent[]) =>
    result && intents.includes(result.intent as Intent) ? errors : undefined;
  const dimensions = nodes.filter((node) => node.kind === "dimension");
  const others = versions.filter((version) => version.id !== framework.id);
  const editable = !framework.published;
  return (
    <>
      <p>
        <Link to="/admin/frameworks">{t("frameworks.back")}</Link>
      </p>
      <h1>
        {t("frameworks.version.heading", {
          name: framework.name,
          code: framework.code,
          version: framework.version,
        })}
      </h1>
      {notice && !result ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />

      <dl className="facts">
        <dt>{t("frameworks.version.state")}</dt>
        <dd>
          {framework.publishedAt
            ? t("frameworks.version.publishedAt", { when: framework.publishedAt })
            : t("frameworks.version.draftSince", { when: framework.createdAt })}
        </dd>
        {framework.description ? (
          <>
            <dt>{t("frameworks.field.description").replace(/[（(].*$/, "")}</dt>
            <dd>{framework.description}</dd>
          </>
        ) : null}
        <dt>{t("frameworks.version.rounds")}</dt>
        <dd>{i18n.number(framework.rounds)}</dd>
        {others.length > 0 ? (
          <>
            <dt>{t("frameworks.version.others")}</dt>
            <dd>
              {others.map((version, index) => (
                <span key={version.id}>
                  {index > 0 ? ", " : ""}
                  <Link to={`/admin/frameworks/${version.id}`}>
                    {t("frameworks.versionLabel", { version: version.version })} (
                    {t(version.published ? "frameworks.state.published" : "frameworks.state.draft")}
                    )
                  </Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>

      <div className="version-actions">
        <a href={`/admin/frameworks/${framework.id}.json`} download>
          {t("frameworks.version.export")}
        </a>
        {framework.published ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="new-version" />
            <button type="submit" className="button">
              {t("frameworks.version.newVersion")}
            </button>
          </Form>
        ) : null}
      </div>

      {framework.published ? <p className="notice">{t("frameworks.version.readOnly")}</p> : null}

      {editable ? (
        <section className="panel" aria-labelledby="validation-heading">
          {issues.length === 0 ? (
            <h2 id="validation-heading">{t("frameworks.version.valid")}</h2>
          ) : (
            <>
              <h2 id="validation-heading">
                {t("frameworks.version.issues", { count: issues.length })}
              </h2>
              <ul className="issue-list">
                {issues.map((issue, index) => (
                  <li key={index}>
                    {issue.code ? (
                      <a href={`#node-${issue.code}`}>{issue.message}</a>
                    ) : (
                      issue.message
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="button" aria-describedby="publish-hint">
              {t("frameworks.version.publish")}
            </button>{" "}
            <span className="hint" id="publish-hint">
              {t("frameworks.version.publishHint")}
            </span>
          </Form>
        </section>
      ) : null}

      <FrameworkTreeTable nodes={nodes} editable={editable} frameworkId={framework.id} />

      {editable && editing ? (
        <section className="panel" id="edit-node" aria-labelledby="edit-node-heading">
          <h2 id="edit-node-heading">
            {t("frameworks.node.editHeading", { code: editing.code, name: editing.name })}
          </h2>
          <p>
            <Link to={`/admin/frameworks/${framework.id}`}>{t("frameworks.node.cancel")}</Link>
          </p>
          <NodeForm
            key={editing.id}
            prefix="edit-"
            node={editing}
            dimensions={dimensions}
            values={result?.intent === "edit-node" ? values : undefined}
            errors={errorsOf("edit-node")}
          />
          {editing.kind === "criterion" ? (
            <LevelEditor
              node={editing}
              values={result?.intent === "add-level" ? values : undefined}
              errors={errorsOf("add-level")}
            />
          ) : null}
        </section>
      ) : null}

      {editable ? (
        <>
          <section className="panel" aria-labelledby="add-node-heading">
            <h2 id="add-node-heading">{t("frameworks.node.addHeading")}</h2>
            <NodeForm
              prefix="new-"
              dimensions={dimensions}
              values={result?.intent === "add-node" ? values : undefined}
              errors={errorsOf("add-node")}
            />
          </section>
          <section className="panel" aria-labelledby="header-heading">
            <h2 id="header-heading">{t("frameworks.version.headerHeading")}</h2>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="header" />
              <Field
                name="header-name"
                label={t("frameworks.field.name")}
                defaultValue={values["header-name"] ?? framework.name}
                error={errorsOf("header")?.["header-name"]}
              />
              <Field
                name="header-description"
                label={t("frameworks.field.description")}
                defaultValue={values["header-description"] ?? framework.description ?? ""}
                error={errorsOf("header")?.["header-description"]}
              />
              <button type="submit" className="button button-secondary">
                {t("frameworks.version.saveHeader")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
