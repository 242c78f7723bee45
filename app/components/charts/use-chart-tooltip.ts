import {
  useCallback,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from "react";

export interface TooltipState {
  text: string;
  /** Position of the mark's top centre, in px from the container's top left. */
  left: number;
  top: number;
}

function markOf(target: EventTarget | null, container: HTMLElement): Element | null {
  if (!(target instanceof Element)) return null;
  const mark = target.closest(".chart-mark, [data-tooltip]");
  return mark && container.contains(mark) ? mark : null;
}

function setHighlight(container: HTMLElement, mark: Element | null): void {
  const svg = container.querySelector("svg");
  const group = mark?.getAttribute("data-group") ?? null;
  svg?.classList.toggle("has-active", mark !== null);
  for (const element of Array.from(container.querySelectorAll(".chart-mark, [data-group]"))) {
    const active =
      mark !== null &&
      (element === mark || (group !== null && element.getAttribute("data-group") === group));
    element.classList.toggle("is-active", active);
    element.classList.toggle("is-current", element === mark);
  }
}

/**
 * Tooltips and highlighting for a hydrated chart: pointing at or focusing a mark (any
 * .chart-mark or element with data-tooltip inside the container) shows its data-tooltip, or
 * else its accessible name (aria-label), above it and highlights
 * it and the marks of its group (data-group); Escape dismisses. Before hydration the
 * same text is in each mark's accessible name and in the data table.
 */
export function useChartTooltip(containerRef: RefObject<HTMLElement>) {
  const [tooltip, setTooltip] = useState<TooltipState | null>(null);

  const show = useCallback(
    (target: EventTarget | null) => {
      const container = containerRef.current;
      if (!container) return;
      const mark = markOf(target, container);
      if (!mark) return;
      const box = container.getBoundingClientRect();
      const rect = mark.getBoundingClientRect();
      setHighlight(container, mark);
      setTooltip({
        text: mark.getAttribute("data-tooltip") ?? mark.getAttribute("aria-label") ?? "",
        left: Math.min(Math.max(rect.left + rect.width / 2 - box.left, 0), box.width),
        top: rect.top - box.top,
      });
    },
    [containerRef],
  );

  const hide = useCallback(() => {
    const container = containerRef.current;
    if (container) setHighlight(container, null);
    setTooltip(null);
  }, [containerRef]);

  const handlers = {
    onPointerOver: (event: PointerEvent) => show(event.target),
    onPointerLeave: () => hide(),
    onPointerOut: (event: PointerEvent) => {
      const container = containerRef.current;
      if (container && !markOf(event.relatedTarget, container)) hide();
    },
    onFocus: (event: FocusEvent) => show(event.target),
    onBlur: (event: FocusEvent) => {
      const container = containerRef.current;
      if (container && !markOf(event.relatedTarget, container)) hide();
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "Escape") hide();
    },
  };

  return { tooltip, handlers, hide };
}
