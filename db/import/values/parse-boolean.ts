import { toHalfWidth } from "./half-width";
import { failure, parsed, type ParseResult } from "./parse-result";

/** The accepted words, lower case, and what each means. */
export const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  "1": true,
  是: true,
  y: true,
  yes: true,
  false: false,
  "0": false,
  否: false,
  n: false,
  no: false,
};

export const EXPECTED_BOOLEAN = "expected yes or no: true/false, 1/0, 是/否, Y/N or yes/no";

/**
 * A yes/no cell, case-insensitive, white space around ignored, full-width folded:
 *
 *   true:  true  1  是  y  yes
 *   false: false 0  否  n  no
 *
 * Nothing else (not `对`/`错`, `t`/`f` or `1.0`): a cell outside the set is more likely a
 * misplaced column than a boolean.
 */
export function parseBoolean(text: string): ParseResult<boolean> {
  const value = BOOLEAN_WORDS[toHalfWidth(text).trim().toLowerCase()];
  return value === undefined ? failure(EXPECTED_BOOLEAN) : parsed(value);
}
