import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportUploadForm } from "~/imports/import-forms";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { getSettings } from "~/utils/settings.server";
import { startCheck } from "~/imports/jobs.server";
import { importFieldErrors } from "~/imports/messages";
import { importableKinds, receiveUpload } from "~/imports/uploads.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("imports.new.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  return {
    kinds: importableKinds(user),
    maxBytes: getSettings().maxUploadBytes,
    steward: user.role === "steward",
  };
}

/** Without JavaScript: the upload is checked while the browser waits, then the preview. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const received = await receiveUpload(request, user);
  if (!received.ok) {
    const errors = importFieldErrors(createI18n(localeOf(request)), received.errors);
    return data({ errors, values: received.values }, { status: received.status });
  }
  const job = startCheck(received.upload, user, clientIp(request));
  await job.done;
  return redirect(job.redirectTo ?? `/imports/uploads/${received.upload.id}`, 303);
}

export default function NewImport() {
  const { kinds, maxBytes, steward } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <p>
        <Link to="/imports">{t("imports.back")}</Link>
      </p>
      <h1>{t("imports.new.title")}</h1>
      <p>{t("imports.new.intro")}</p>
      {steward ? <p className="hint">{t("imports.new.stewardHint")}</p> : null}
      <ImportUploadForm
        kinds={kinds}
        maxBytes={maxBytes}
        errors={result?.errors}
        values={result?.values}
      />
      <p>
        <Link to="/imports/columns">{t("imports.columnsLink")}</Link>
      </p>
    </section>
  );
}
