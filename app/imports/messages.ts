import type { I18n, MessageKey } from "~/i18n/i18n";
import type { ImportKind } from "../../db/schema/enums";
import { kindLabel } from "./kinds";

/**
 * A message of the import helpers for the person importing, language-neutral: its key and
 * what fills it. The page (or the route answering the browser's script) says it in the
 * request's language with `importMessage`. Isomorphic: no server imports.
 */
export interface ImportMessage {
  key: MessageKey;
  /** Filled in as they are (numbers formatted in the locale). */
  vars?: Record<string, string | number>;
  /** Byte counts, filled in as sizes ("51.2 KB"). */
  sizes?: Record<string, number>;
  /** Import kinds, filled in by their names ("诉求工单" / "Appeals"). */
  kinds?: Record<string, ImportKind>;
}

/** A number of bytes for people: "512 B", "51.2 KB", "3.4 MB", numbers in the locale. */
export function formatSize(i18n: I18n, bytes: number): string {
  const oneDigit = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  if (bytes < 1024) return `${i18n.number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${i18n.number(bytes / 1024, oneDigit)} KB`;
  return `${i18n.number(bytes / 1024 / 1024, oneDigit)} MB`;
}

/** An ImportMessage in the i18n's language. */
export function importMessage(i18n: I18n, message: ImportMessage): string {
  const vars: Record<string, string | number> = { ...message.vars };
  for (const [name, bytes] of Object.entries(message.sizes ?? {})) {
    vars[name] = formatSize(i18n, bytes);
  }
  for (const [name, kind] of Object.entries(message.kinds ?? {})) {
    vars[name] = kindLabel(i18n, kind);
  }
  return i18n.t(message.key, vars);
}

/** Each field's ImportMessage in the i18n's language (an upload form's errors). */
export function importFieldErrors(
  i18n: I18n,
  errors: Partial<Record<string, ImportMessage>>,
): Partial<Record<string, string>> {
  const said: Partial<Record<string, string>> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (message) said[field] = importMessage(i18n, message);
  }
  return said;
}
