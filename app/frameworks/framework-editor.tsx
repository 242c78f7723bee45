/**
 * The framework editor's parts: the tree as an indented table (weights, path weights,
 * ranges, thresholds, rubric levels, and for a draft the buttons of each row), and the
 * node and level forms. Plain server forms: everything works without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput, Field, type FieldErrors } from "~/components/forms";
import { useI18n, type I18n } from "~/i18n/i18n";
import type { EditorLevel, EditorNode } from "../../db/queries/frameworks.server";
import { FRAMEWORK_KPI_KEYS } from "../../metrics/framework-kpis";

export type TreeLevel = EditorLevel;

/** A node as the page shows it: its share of the project score beside its weight. */
export interface TreeNode extends EditorNode {
  pathWeight: number | null;
}

const decimal = (i18n: I18n, value: number | null) =>
  value === null ? "—" : i18n.number(value, { maximumFractionDigits: 6 });

function kindText(i18n: I18n, node: TreeNode): string {
  if (node.kind === "dimension") return i18n.t("frameworks.kind.dimension");
  return node.scoring === "kpi"
    ? i18n.t("frameworks.kind.kpi", { kpi: node.kpiKey ?? "" })
    : i18n.t("frameworks.kind.evaluator");
}

function thresholdText(i18n: I18n, node: TreeNode): string {
  const parts = [
    node.justifyBelow === null
      ? null
      : i18n.t("frameworks.thresholds.below", { value: decimal(i18n, node.justifyBelow) }),
    node.justifyAbove === null
      ? null
      : i18n.t("frameworks.thresholds.above", { value: decimal(i18n, node.justifyAbove) }),
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? "—" : parts.join(` ${i18n.t("frameworks.thresholds.or")} `);
}

/** A small form posting one intent about one node (move, remove). */
function RowButton({
  intent,
  nodeId,
  extra,
  label,
  text,
  warning = false,
}: {
  intent: string;
  nodeId: number;
  extra?: Record<string, string>;
  label: string;
  text: string;
  warning?: boolean;
}) {
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="nodeId" value={nodeId} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={warning ? "row-button row-button-warning" : "row-button"}
        aria-label={label}
        title={label}
      >
        {text}
      </button>
    </Form>
  );
}

export function FrameworkTreeTable({
  nodes,
  editable,
  frameworkId,
}: {
  nodes: TreeNode[];
  editable: boolean;
  frameworkId: number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (nodes.length === 0) return <p>{t("frameworks.tree.empty")}</p>;
  return (
    <table className="framework-tree">
      <caption>{t("frameworks.tree.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("frameworks.tree.node")}</th>
          <th scope="col">{t("frameworks.tree.kind")}</th>
          <th scope="col" className="numeric">
            {t("frameworks.tree.weight")}
          </th>
          <th scope="col" className="numeric">
            {t("frameworks.tree.pathWeight")}
          </th>
          <th scope="col">{t("frameworks.tree.range")}</th>
          <th scope="col">{t("frameworks.tree.thresholds")}</th>
          <th scope="col">{t("frameworks.tree.levels")}</th>
          {editable ? <th scope="col">{t("frameworks.tree.actions")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {nodes.map((node) => (
          <tr key={node.id} id={`node-${node.code}`} className={`depth-${Math.min(node.depth, 4)}`}>
            <th scope="row" style={{ paddingLeft: `${0.75 + node.depth * 1.5}rem` }}>
              <span className="node-code">{node.code}</span> {node.name}
            </th>
            <td>{kindText(i18n, node)}</td>
            <td className="numeric">{decimal(i18n, node.weight)}</td>
            <td className="numeric">
              {node.pathWeight === null ? "" : i18n.percent(node.pathWeight, 2)}
            </td>
            <td>
              {node.kind === "criterion"
                ? `${decimal(i18n, node.minScore)}–${decimal(i18n, node.maxScore)}`
                : ""}
            </td>
            <td>{node.kind === "criterion" ? thresholdText(i18n, node) : ""}</td>
            <td>
              {node.kind === "criterion" && node.levels.length > 0 ? (
                <details>
                  <summary>{t("frameworks.levels.count", { count: node.levels.length })}</summary>
                  <ul className="level-list">
                    {node.levels.map((level) => (
                      <li key={level.id}>
                        <strong>{level.label}</strong>{" "}
                        {t("evaluation.rubric.levelRange", {
                          min: i18n.number(level.minScore),
                          max: i18n.number(level.maxScore),
                        })}
                        : {level.description}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : node.kind === "criterion" ? (
                "—"
              ) : (
                ""
              )}
            </td>
            {editable ? (
              <td className="row-actions">
                <Link
                  to={`/admin/frameworks/${frameworkId}?edit=${node.id}#edit-node`}
                  aria-label={t("frameworks.action.edit", { code: node.code })}
                >
                  {t("frameworks.action.editShort")}
                </Link>
                <RowButton
                  intent="move"
                  nodeId={node.id}
                  extra={{ direction: "up" }}
                  label={t("frameworks.action.up", { code: node.code })}
                  text="↑"
                />
                <RowButton
                  intent="move"
                  nodeId={node.id}
                  extra={{ direction: "down" }}
                  label={t("frameworks.action.down", { code: node.code })}
                  text="↓"
                />
                <RowButton
                  intent="remove-node"
                  nodeId={node.id}
                  label={t("frameworks.action.remove", { code: node.code })}
                  text="×"
                  warning
                />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A labelled control with its error, as Field does for inputs (textarea, select). */
function Control({
  name,
  label,
  error,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  children: (aria: {
    id: string;
    name: string;
    "aria-invalid": true | undefined;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}) {
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={name}>{label}</label>
      {error ? (
        <p className="error-message" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {children({
        id: name,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${name}-error` : undefined,
      })}
    </div>
  );
}

function TextArea(props: { name: string; label: string; defaultValue: string; error?: string }) {
  return (
    <Control {...props}>
      {(aria) => <textarea {...aria} rows={2} defaultValue={props.defaultValue} />}
    </Control>
  );
}

function SelectField(props: {
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  defaultValue: string;
  error?: string;
}) {
  return (
    <Control {...props}>
      {(aria) => (
        <select {...aria} defaultValue={props.defaultValue}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Control>
  );
}

const asText = (value: number | string | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

/**
 * The fields of a node, for the add form (prefix "new-": with kind and parent) or the
 * edit form of one node (prefix "edit-"). `values` are the posted texts of a refused form.
 */
export function NodeForm({
  prefix,
  node,
  dimensions,
  values,
  errors,
}: {
  prefix: "new-" | "edit-";
  node?: TreeNode;
  dimensions: Array<{ id: number; code: string; name: string }>;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  const value = (name: string, fallback: string) => values?.[`${prefix}${name}`] ?? fallback;
  const adding = prefix === "new-";
  const criterion = adding || node?.kind === "criterion";
  const field = (name: string) => ({
    name: `${prefix}${name}`,
    error: errors?.[`${prefix}${name}`],
  });
  return (
    <Form method="post" noValidate className="node-form">
      <CsrfInput />
      <input type="hidden" name="intent" value={adding ? "add-node" : "edit-node"} />
      {node ? <input type="hidden" name="nodeId" value={node.id} /> : null}
      {adding ? (
        <div className="field-row">
          <SelectField
            {...field("kind")}
            label={t("frameworks.node.kind")}
            defaultValue={value("kind", "criterion")}
            options={[
              { value: "dimension", label: t("frameworks.kind.dimension") },
              { value: "criterion", label: t("frameworks.kind.criterion") },
            ]}
          />
          <SelectField
            {...field("parentId")}
            label={t("frameworks.node.parent")}
            defaultValue={value("parentId", String(dimensions[0]?.id ?? ""))}
            options={[
              { value: "", label: t("frameworks.node.topLevel") },
              ...dimensions.map((dimension) => ({
                value: String(dimension.id),
                label: `${dimension.code} ${dimension.name}`,
              })),
            ]}
          />
        </div>
      ) : null}
      <div className="field-row">
        <Field
          {...field("code")}
          label={t("frameworks.field.code")}
          defaultValue={value("code", node?.code ?? "")}
          autoComplete="off"
        />
        <Field
          {...field("weight")}
          label={t("frameworks.node.weight")}
          inputMode="decimal"
          defaultValue={value("weight", asText(node?.weight))}
        />
      </div>
      <Field
        {...field("name")}
        label={t("frameworks.field.name")}
        defaultValue={value("name", node?.name ?? "")}
      />
      <TextArea
        {...field("description")}
        label={t("frameworks.field.description")}
        defaultValue={value("description", node?.description ?? "")}
      />
      {criterion ? (
        <fieldset className="criterion-fields">
          <legend>{t("frameworks.node.scoring")}</legend>
          <div className="field-row">
            <SelectField
              {...field("scoring")}
              label={t("frameworks.node.scoring")}
              defaultValue={value("scoring", node?.scoring ?? "evaluator")}
              options={[
                { value: "evaluator", label: t("frameworks.node.scoring.evaluator") },
                { value: "kpi", label: t("frameworks.node.scoring.kpi") },
              ]}
            />
            <SelectField
              {...field("kpiKey")}
              label={t("frameworks.node.kpiKey")}
              defaultValue={value("kpiKey", node?.kpiKey ?? "")}
              options={[
                { value: "", label: t("frameworks.node.noKpi") },
                ...FRAMEWORK_KPI_KEYS.map((key) => ({ value: key, label: key })),
              ]}
            />
          </div>
          <p className="hint">{t("frameworks.node.rangeHint")}</p>
          <div className="field-row">
            <Field
              {...field("minScore")}
              label={t("frameworks.node.min")}
              inputMode="decimal"
              defaultValue={value("minScore", asText(node ? node.minScore : 0))}
            />
            <Field
              {...field("maxScore")}
              label={t("frameworks.node.max")}
              inputMode="decimal"
              defaultValue={value("maxScore", asText(node ? node.maxScore : 100))}
            />
          </div>
          <div className="field-row">
            <Field
              {...field("justifyBelow")}
              label={t("frameworks.node.justifyBelow")}
              inputMode="decimal"
              defaultValue={value("justifyBelow", asText(node?.justifyBelow))}
            />
            <Field
              {...field("justifyAbove")}
              label={t("frameworks.node.justifyAbove")}
              inputMode="decimal"
              defaultValue={value("justifyAbove", asText(node?.justifyAbove))}
            />
          </div>
        </fieldset>
      ) : null}
      <button type="submit" className="button">
        {t(adding ? "frameworks.node.add" : "frameworks.node.save")}
      </button>
    </Form>
  );
}

/** A criterion's rubric levels with a remove button each, and the form adding one. */
export function LevelEditor({
  node,
  values,
  errors,
}: {
  node: TreeNode;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const value = (name: string) => values?.[`level-${name}`] ?? "";
  return (
    <section aria-labelledby="levels-heading">
      <h3 id="levels-heading">{t("frameworks.level.heading", { code: node.code })}</h3>
      {node.levels.length === 0 ? (
        <p>{t("frameworks.level.none")}</p>
      ) : (
        <ul className="level-list">
          {node.levels.map((level) => (
            <li key={level.id}>
              <strong>{level.label}</strong>{" "}
              {t("evaluation.rubric.levelRange", {
                min: i18n.number(level.minScore),
                max: i18n.number(level.maxScore),
              })}
              : {level.description}{" "}
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="remove-level" />
                <input type="hidden" name="nodeId" value={node.id} />
                <input type="hidden" name="levelId" value={level.id} />
                <button type="submit" className="row-button row-button-warning">
                  {t("frameworks.action.removeLevel", { label: level.label })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="add-level" />
        <input type="hidden" name="nodeId" value={node.id} />
        <div className="field-row">
          <Field
            name="level-label"
            label={t("frameworks.level.label")}
            defaultValue={value("label")}
            error={errors?.["level-label"]}
          />
          <Field
            name="level-minScore"
            label={t("frameworks.level.min")}
            inputMode="decimal"
            defaultValue={value("minScore")}
            error={errors?.["level-minScore"]}
          />
          <Field
            name="level-maxScore"
            label={t("frameworks.level.max")}
            inputMode="decimal"
            defaultValue={value("maxScore")}
            error={errors?.["level-maxScore"]}
          />
        </div>
        <TextArea
          name="level-description"
          label={t("frameworks.level.description")}
          defaultValue={value("description")}
          error={errors?.["level-description"]}
        />
        <button type="submit" className="button button-secondary">
          {t("frameworks.level.add")}
        </button>
      </Form>
    </section>
  );
}
