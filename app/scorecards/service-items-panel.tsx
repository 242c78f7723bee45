/**
 * A department scorecard's service items (政务服务事项) as published: the catalogue's facts
 * (maturity, 最多跑一次, high frequency, promised time limit). The same in the leader's
 * draft and on the public page: the rating form is the page's, below the scorecard.
 */
import type { PublishedServiceItem } from "../../db/scorecards/payload";
import { TableScroll } from "~/components/table-scroll";
import { useI18n, type MessageKey } from "~/i18n/i18n";

export function ServiceItemsTable({ items }: { items: readonly PublishedServiceItem[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (items.length === 0) return <p>{t("rate.items.none")}</p>;
  const yesNo = (value: boolean) => t(value ? "rate.yes" : "rate.no");
  return (
    <TableScroll label={t("rate.items.caption")}>
      <table className="service-items">
        <caption>{t("rate.items.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rate.items.col.item")}</th>
            <th scope="col">{t("rate.items.col.maturity")}</th>
            <th scope="col">{t("rate.items.col.oneVisit")}</th>
            <th scope="col">{t("rate.items.col.highFrequency")}</th>
            <th scope="col" className="numeric">
              {t("rate.items.col.timeLimit")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code}>
              <th scope="row">
                {item.name} ({item.code})
              </th>
              <td>{t(`rate.items.maturity.${item.maturity}` as MessageKey)}</td>
              <td>{yesNo(item.oneVisit)}</td>
              <td>{yesNo(item.highFrequency)}</td>
              <td className="numeric">
                {item.timeLimitDays === null ? "—" : i18n.number(item.timeLimitDays)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
