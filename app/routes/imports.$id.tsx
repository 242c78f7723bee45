import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { ImportErrorTable } from "~/imports/import-error-table";
import { useI18n, type MessageKey } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { getSettings } from "~/utils/settings.server";
import { formatDateTime } from "~/utils/format";
import { batchErrors, requireVisibleBatch, revertBatch } from "~/imports/batches.server";
import { batchStateLabel, kindLabel } from "~/imports/kinds";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  return [
    { title: pageTitle(i18n, data?.batch.fileName ?? i18n.t("imports.batch.fallbackTitle")) },
  ];
};

const SHOWN_ERRORS = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  // A steward sees only its departments' imports (and its own); another's is "not found".
  const batch = await requireVisibleBatch(user, params.id);
  const errors = batchErrors(batch.errorReport);
  const timeZone = getSettings().timeZone;
  const locale = localeOf(request);
  return {
    batch: {
      id: batch.id,
      kind: batch.kind,
      fileName: batch.fileName,
      state: batch.state,
      rowsTotal: batch.rowsTotal,
      rowsAccepted: batch.rowsAccepted,
      rowsRejected: batch.rowsRejected,
      created: formatDateTime(batch.createdAt, timeZone, locale),
      reverted: batch.revertedAt ? formatDateTime(batch.revertedAt, timeZone, locale) : null,
    },
    errorCount: errors.length,
    errors: errors.slice(0, SHOWN_ERRORS),
  };
}

const REVERT_REFUSALS: Partial<Record<string, MessageKey>> = {
  not_found: "imports.revert.not_found",
  not_committed: "imports.revert.not_committed",
  changed_later: "imports.revert.changed_later",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const form = await readForm(request);
  const batch = await requireVisibleBatch(user, params.id);
  if (form.get("intent") !== "revert") return redirect(`/imports/${batch.id}`, 303);
  const result = await revertBatch(batch.id, user, clientIp(request));
  if (result.ok) return redirect(`/imports/${batch.id}?reverted=1`, 303);
  // The page says why, in its language.
  return data(
    { revertRefused: { reason: result.reason, laterBatchId: result.laterBatchId ?? null } },
    { status: 409 },
  );
}

export default function ImportBatchPage() {
  const { batch, errors, errorCount } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const refused = result?.revertRefused;
  const refusalKey = refused ? REVERT_REFUSALS[refused.reason] : undefined;
  return (
    <>
      <p>
        <Link to="/imports">{t("imports.back")}</Link>
      </p>
      <h1>{batch.fileName}</h1>
      {search.get("unchanged") ? (
        <p className="import-ok" role="status">
          {t("imports.batch.unchanged")}
        </p>
      ) : null}
      {search.get("reverted") ? (
        <p className="import-ok" role="status">
          {t("imports.batch.reverted")}
        </p>
      ) : null}
      {refused ? (
        <p className="import-problem" role="alert">
          {refusalKey ? t(refusalKey) : refused.reason}
          {refused.laterBatchId
            ? t("imports.revert.laterBatch", { id: String(refused.laterBatchId) })
            : null}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("imports.batch.kind")}</dt>
        <dd>{kindLabel(i18n, batch.kind)}</dd>
        <dt>{t("imports.batch.state")}</dt>
        <dd>{batchStateLabel(i18n, batch.state)}</dd>
        <dt>{t("imports.batch.when")}</dt>
        <dd>{batch.created}</dd>
        {batch.reverted ? (
          <>
            <dt>{t("imports.batch.revertedAt")}</dt>
            <dd>{batch.reverted}</dd>
          </>
        ) : null}
        <dt>{t("imports.batch.rows")}</dt>
        <dd>
          {t("imports.batch.rowsDetail", {
            total: batch.rowsTotal,
            accepted: batch.rowsAccepted,
            rejected: batch.rowsRejected,
          })}
        </dd>
      </dl>
      {errorCount > 0 ? (
        <>
          <h2 id="errors">{t("imports.batch.skipped")}</h2>
          <p>
            <a href={`/imports/${batch.id}/errors.csv`} download>
              {t("imports.batch.downloadErrors")}
            </a>
            {errorCount > errors.length
              ? ` · ${t("imports.batch.firstShown", { count: errors.length })}`
              : null}
          </p>
          <ImportErrorTable errors={errors} labelledBy="errors" />
        </>
      ) : null}
      {batch.state === "committed" ? (
        <Form method="post" className="import-actions">
          <CsrfInput />
          <input type="hidden" name="intent" value="revert" />
          <p className="hint">{t("imports.batch.revertHint")}</p>
          <button type="submit" className="button button-secondary">
            {t("imports.batch.revert")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
