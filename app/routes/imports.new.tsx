import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportUploadForm } from "~/components/import-forms";
import { getSettings } from "~/utils/env.server";
import { startCheck } from "~/utils/import-jobs.server";
import { IMPORT_KIND_LABELS } from "~/utils/import-kinds";
import { importableKinds, receiveUpload } from "~/utils/import-uploads.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "上传文件 Upload a file · 明镜 Mingjing" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const kinds = importableKinds(user).map((kind) => ({
    value: kind,
    label: IMPORT_KIND_LABELS[kind],
  }));
  return { kinds, maxBytes: getSettings().maxUploadBytes, steward: user.role === "steward" };
}

/** Without JavaScript: the upload is checked while the browser waits, then the preview. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const received = await receiveUpload(request, user);
  if (!received.ok) {
    return data({ errors: received.errors, values: received.values }, { status: received.status });
  }
  const job = startCheck(received.upload, user, clientIp(request));
  await job.done;
  return redirect(job.redirectTo ?? `/imports/uploads/${received.upload.id}`, 303);
}

export default function NewImport() {
  const { kinds, maxBytes, steward } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow">
      <p>
        <Link to="/imports">← 数据导入 Imports</Link>
      </p>
      <h1>上传文件 Upload a file</h1>
      <p>
        先预览，再确认导入：上传后会显示列的对应关系、前几行和全部错误，确认前不会保存任何数据。 You
        see the column mapping, the first rows and every error before anything is stored.
      </p>
      {steward ? (
        <p className="hint">
          作为数据专员，您只能导入本部门的数据。As a data steward you can import your own
          departments&apos; data only.
        </p>
      ) : null}
      <ImportUploadForm
        kinds={kinds}
        maxBytes={maxBytes}
        errors={result?.errors}
        values={result?.values}
      />
      <p>
        <Link to="/imports/columns">列说明与模板 Column reference and templates</Link>
      </p>
    </section>
  );
}
