import type { ReactNode } from "react";

/**
 * The box around a table that may be wider than the page, scrolling sideways: a named
 * region that takes keyboard focus, so the table can be scrolled without a mouse (WCAG
 * 2.1.1; axe's scrollable-region-focusable). Named by `label`, or by the element
 * `labelledBy` points at.
 */
export function TableScroll({
  label,
  labelledBy,
  className = "table-scroll",
  children,
}: {
  label?: string;
  labelledBy?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className}
      role="region"
      aria-label={label}
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
