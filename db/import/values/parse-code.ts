import { failure, parsed, type ParseResult } from "./parse-result";

/** The longest code, in code points. */
export const MAX_CODE_LENGTH = 64;

const CODE_CHARACTER = /^[\p{L}\p{M}\p{Nd}\-_.]$/u;

export const EXPECTED_CODE = `expected a code of 1–${MAX_CODE_LENGTH} letters, digits, "-", "_" or "."`;

/**
 * A code (项目编码, 部门编码, 工单编号 …): 1–64 characters, each a letter of any script
 * (Unicode \p{L}, with combining marks \p{M}), a decimal digit of any script (\p{Nd}),
 * `-`, `_` or `.`. Surrounding white space is trimmed (U+3000 and U+00A0 included);
 * nothing else is changed: no case folding, no full-width folding, no normalisation, so
 * the code is stored as written. Length counts code points, as PostgreSQL does.
 */
export function parseCode(text: string): ParseResult<string> {
  const code = text.trim();
  const characters = [...code];
  if (characters.length === 0) return failure(EXPECTED_CODE);
  const badIndex = characters.findIndex((character) => !CODE_CHARACTER.test(character));
  if (badIndex >= 0) {
    return failure(
      `${EXPECTED_CODE}: character ${badIndex + 1} is ${describeCharacter(characters[badIndex] ?? "")}`,
    );
  }
  if (characters.length > MAX_CODE_LENGTH) {
    return failure(`${EXPECTED_CODE}: this one has ${characters.length} characters`);
  }
  return parsed(code);
}

/** `"/" (U+002F)`, or for an invisible one `white space (U+0020)`. */
function describeCharacter(character: string): string {
  const codePoint = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  if (/^\s$/u.test(character)) return `white space (${codePoint})`;
  if (/^[\p{Cc}\p{Cf}\p{Z}]$/u.test(character)) return `an invisible character (${codePoint})`;
  return `"${character}" (${codePoint})`;
}
