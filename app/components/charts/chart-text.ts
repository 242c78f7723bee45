/**
 * Text measuring for SVG laid out on the server, where no browser can measure: a CJK
 * character is one em wide, other characters about 0.6 em. Generous on purpose, so
 * labels wrap or shorten before they overlap.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x2e80) ems += 1;
    else if (/[A-Z%@WMm]/.test(char)) ems += 0.72;
    else if (/[\s.,:;'|!il1()[\]]/.test(char)) ems += 0.32;
    else ems += 0.58;
  }
  return ems * fontSize;
}

/**
 * Tokens that may not be split: words with their trailing space, so lines break between
 * a Chinese term and its English one; a word wider than a line is split into characters
 * (how Chinese wraps).
 */
function tokens(text: string, maxWidth: number, fontSize: number): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  return words.flatMap((word) =>
    textWidth(word.trim(), fontSize) > maxWidth
      ? (word.match(/[\u2e80-\uffff]|[^\u2e80-\uffff]+/g) ?? [])
      : [word],
  );
}

/**
 * Greedy line-wrapping of `text` into lines no wider than `maxWidth`, at most `maxLines`
 * of them; the last line is shortened with "…" when the text does not fit. Every line but
 * the last keeps one trailing space, so the lines read as the text they came from (in
 * accessible names, copy and paste).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const fits = (t: string) => textWidth(t.trimEnd(), fontSize) <= maxWidth;
  if (fits(text)) return [text.trim()];
  // A bilingual label ("回复率 Reply rate") breaks between its two languages first.
  const bilingual = /^([^\sA-Za-z]*[\u2e80-\uffff][^A-Za-z]*?\s+)([A-Za-z].*)$/s.exec(text.trim());
  if (bilingual && maxLines >= 2 && fits(bilingual[1] ?? "")) {
    const english = wrapText(bilingual[2] ?? "", maxWidth, fontSize, maxLines - 1);
    if (!english.some((l) => l.endsWith("…"))) return [bilingual[1] ?? "", ...english];
  }
  const lines: string[] = [];
  let line = "";
  for (const token of tokens(text.trim(), maxWidth, fontSize)) {
    if (line.trim() !== "" && !fits(line + token)) {
      lines.push(line);
      line = token;
    } else {
      line += token;
    }
  }
  if (line.trim() !== "") lines.push(line);
  if (lines.length > maxLines) {
    const rest = lines.slice(maxLines - 1).join("");
    lines.splice(maxLines - 1, lines.length, truncateText(rest.trim(), maxWidth, fontSize));
  }
  lines[lines.length - 1] = (lines[lines.length - 1] ?? "").trimEnd();
  return lines;
}

/** `text`, shortened with "…" to fit `maxWidth`. */
export function truncateText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join("").trimEnd()}…`, fontSize) > maxWidth)
    chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/** A file name for downloads from a chart title: keeps letters of any script, digits, - and _. */
export function fileNameOf(title: string): string {
  const slug = title
    .trim()
    .replace(/[^\p{L}\p{N}_-]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "chart" : slug.slice(0, 80);
}

/** A React useId value usable inside url(#…) references and CSS selectors. */
export function safeId(id: string): string {
  return `c${id.replace(/[^A-Za-z0-9_-]/g, "")}`;
}

/** Milliseconds since the epoch of an ISO month ("2024-03") or date ("2024-03-15…"), UTC. */
export function isoToUtc(iso: string): Date {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!match) return new Date(Number.NaN);
  return new Date(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, match[3] ? Number(match[3]) : 1),
  );
}

const DAY_MS = 86_400_000;

/** Calendar days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoToUtc(to).getTime() - isoToUtc(from).getTime()) / DAY_MS);
}

/** A coordinate or length as written to the SVG: rounded to one decimal (0.1 viewBox unit). */
export function r1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}
