/**
 * Links to a panel's tables as open data (CSV and JSON), for one published version. The
 * tables and their panels come from db/scorecards/tables.ts, as the downloads do.
 */
import type { ScorecardSubject } from "../../db/scorecards/payload";
import { scorecardTablePath, tablesOf } from "../../db/scorecards/tables";
import { useI18n, type MessageKey } from "~/i18n/i18n";

export function TableDownloadLinks({
  subject,
  code,
  version,
  table,
}: {
  subject: ScorecardSubject;
  code: string;
  version: number;
  table: string;
}) {
  const i18n = useI18n();
  const name = i18n.t(`opendata.table.${table}` as MessageKey);
  return (
    <>
      <a
        href={scorecardTablePath(subject, code, table, "csv", version)}
        aria-label={`${name} CSV`}
        download
      >
        CSV
      </a>{" "}
      ·{" "}
      <a
        href={scorecardTablePath(subject, code, table, "json", version)}
        aria-label={`${name} JSON`}
      >
        JSON
      </a>
    </>
  );
}

/**
 * "Download the table …: CSV · JSON" for each table shown in the panel. A draft (no
 * version yet) shows the same line without links: the leader sees the page as it will be
 * published, and nothing unpublished has an address.
 */
export function TableDownloads({
  subject,
  code,
  version,
  panel,
}: {
  subject: ScorecardSubject;
  code: string;
  version: number | null;
  panel: string;
}) {
  const i18n = useI18n();
  const tables = tablesOf(subject).filter((table) => table.panel === panel);
  if (tables.length === 0) return null;
  return (
    <ul className="table-downloads">
      {tables.map((table) => (
        <li key={table.id} data-table={table.id}>
          {i18n.t("opendata.download", {
            table: i18n.t(`opendata.table.${table.id}` as MessageKey),
          })}{" "}
          {version === null ? (
            <span className="table-downloads-draft">CSV · JSON</span>
          ) : (
            <TableDownloadLinks subject={subject} code={code} version={version} table={table.id} />
          )}
        </li>
      ))}
    </ul>
  );
}
