import { toCsv, type ExportCell } from "../../utils/csv-export";
import type { ChartTable, ChartTableCell } from "./chart-table";

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** Style properties copied from the page's CSS into a downloaded SVG, so it looks the same alone. */
const INLINED_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
  "display",
] as const;

/** The width and height of an SVG (element or serialised) from its viewBox. */
export function svgSize(svg: SVGSVGElement | string): { width: number; height: number } {
  const viewBoxText =
    typeof svg === "string"
      ? (/viewBox="([^"]*)"/.exec(svg)?.[1] ?? "")
      : (svg.getAttribute("viewBox") ?? "");
  const viewBox = viewBoxText.split(/[\s,]+/).map(Number);
  const width = viewBox[2];
  const height = viewBox[3];
  return {
    width: width !== undefined && Number.isFinite(width) && width > 0 ? width : 640,
    height: height !== undefined && Number.isFinite(height) && height > 0 ? height : 400,
  };
}

/**
 * A standalone SVG document of a chart as it looks on the page: the namespaces declared,
 * a fixed size from its viewBox, a white background, the computed styles of every element
 * inlined (the page's stylesheet does not travel with the file), the highlight of the
 * moment dropped, and the chart's title written above it when given (a file stands alone,
 * without the page's heading).
 */
export function serializeSvg(svg: SVGSVGElement, options: { title?: string } = {}): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const view = svg.ownerDocument.defaultView;
  if (view && typeof view.getComputedStyle === "function") {
    const sources = [svg, ...Array.from(svg.querySelectorAll("*"))];
    const targets = [clone, ...Array.from(clone.querySelectorAll("*"))];
    sources.forEach((source, index) => {
      const target = targets[index];
      if (!target) return;
      const computed = view.getComputedStyle(source);
      const declarations: string[] = [];
      for (const property of INLINED_PROPERTIES) {
        const value = computed.getPropertyValue(property);
        if (value && value !== "normal" && value !== "auto")
          declarations.push(`${property}:${value}`);
      }
      const own = target.getAttribute("style");
      if (declarations.length > 0)
        target.setAttribute("style", `${declarations.join(";")}${own ? `;${own}` : ""}`);
    });
  }
  const size = svgSize(svg);
  const titleHeight = options.title ? 32 : 0;
  const width = size.width;
  const height = size.height + titleHeight;
  const document = clone.ownerDocument;
  if (options.title) {
    const body = document.createElementNS(SVG_NS, "g");
    body.setAttribute("transform", `translate(0,${titleHeight})`);
    while (clone.firstChild) body.append(clone.firstChild);
    clone.append(body);
    const heading = document.createElementNS(SVG_NS, "text");
    heading.setAttribute("x", "0");
    heading.setAttribute("y", "18");
    heading.setAttribute("style", "font-size:16px;font-weight:700;fill:#1b1f24");
    heading.setAttribute(
      "font-family",
      view?.getComputedStyle(svg).getPropertyValue("font-family") || "sans-serif",
    );
    heading.textContent = options.title;
    clone.insertBefore(heading, clone.firstChild);
  }
  clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("xmlns:xlink", XLINK_NS);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.removeAttribute("class");
  clone.removeAttribute("style");
  for (const element of Array.from(clone.querySelectorAll(".is-active, .is-current"))) {
    element.classList.remove("is-active", "is-current");
  }
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  clone.insertBefore(background, clone.firstChild);
  const text = new XMLSerializer().serializeToString(clone);
  // Some serialisers leave the namespace implicit on the root: make sure it is declared.
  const withNs = /^<svg[^>]*\sxmlns="/.test(text)
    ? text
    : text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withNs}`;
}

/** A PNG of an SVG document, drawn on a canvas at `scale` times its size. */
export function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml;charset=utf-8" }));
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext("2d");
      if (!context) {
        URL.revokeObjectURL(url);
        reject(new Error("canvas 2d context unavailable"));
        return;
      }
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))),
        "image/png",
      );
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("the SVG could not be drawn"));
    };
    image.src = url;
  });
}

/** Saves `blob` as `fileName` through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvValue(cell: ChartTableCell): ExportCell {
  if (cell === null || typeof cell !== "object") return cell;
  return cell.value !== undefined ? cell.value : cell.text;
}

/** The chart's table as CSV (formula-like text escaped by toCsv); raw values where given. */
export function tableToCsv(table: ChartTable): string {
  return toCsv(
    table.columns,
    table.rows.map((row) => row.map(csvValue)),
  );
}
