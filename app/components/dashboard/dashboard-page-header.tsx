import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * The top of a dashboard sub-page, the same on every one: the way back (to the overview,
 * or to the department or project the page belongs to), the page's one <h1>, a lede (what
 * the page shows, up to which cut-off), then whatever narrows the page (the filter form,
 * the appeal types).
 */
export function DashboardPageHeader({
  back,
  title,
  lede,
  children,
}: {
  /** The link back, its text with the arrow, e.g. "← 监督总览" or `← ${department.name}`. */
  back: { to: string; label: string };
  title: string;
  lede?: string;
  /** Filters of the page, after the lede. */
  children?: ReactNode;
}) {
  return (
    <>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{title}</h1>
      {lede ? <p className="lede">{lede}</p> : null}
      {children}
    </>
  );
}
