/**
 * Folds full-width forms to ASCII, as Chinese input methods type them: full-width
 * letters, digits and punctuation U+FF01–U+FF5E (`１２３`, `，`, `．`, `：`, `％`, `－`)
 * become U+0021–U+007E, the ideographic space U+3000 a space, and the minus sign U+2212
 * a hyphen-minus. Nothing else changes (unlike NFKC, `²` stays `²`, so `10²` never reads
 * as 102).
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\u2212]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code === 0x3000) return " ";
    if (code === 0x2212) return "-";
    return String.fromCharCode(code - 0xfee0);
  });
}
