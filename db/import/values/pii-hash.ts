import { hash } from "node:crypto";
import { toHalfWidth } from "./half-width";
import type { PiiKind } from "./pii-columns";

const PHONE_LIKE = /^\+?[\d\-\u2010-\u2015().]+$/;

/**
 * Personal data (caller name, phone, ID number) is never stored in clear: with
 * MINGJING_PII_KEY set, the importer keeps a keyed hash instead, so the same caller
 * can be counted again without being named:
 *
 *   hashPii(value, key) = hex(HMAC-SHA-256(key, normalisePii(value)))
 *
 * Normalising first makes the ways one value is written hash alike: full-width forms
 * fold to ASCII and white space (U+3000 included) goes; for a phone, dashes, dots and
 * brackets go too (`138-0013 8000`, `(010) 6512-3456`); for an ID number, letters are
 * upper-cased (the check character `x` is `X`). Without a kind, a value made only of
 * digits, `+` and phone punctuation is taken for a phone.
 */
export function normalisePii(value: string, kind?: PiiKind): string {
  const compact = toHalfWidth(value).replace(/\s+/gu, "");
  switch (kind ?? (PHONE_LIKE.test(compact) ? "phone" : undefined)) {
    case "phone":
      return compact.replace(/[-\u2010-\u2015().]/g, "");
    case "id_number":
      return compact.toUpperCase();
    default:
      return compact;
  }
}

/** HMAC-SHA-256 of the normalised value under `key`, as 64 lower-case hex digits. */
export function hashPii(value: string, key: string, kind?: PiiKind): string {
  if (key === "") throw new RangeError("hashPii needs a non-empty key (MINGJING_PII_KEY)");
  if (lastHmac?.key !== key) lastHmac = new Sha256Hmac(key);
  return lastHmac.hex(normalisePii(value, kind));
}

const BLOCK = 64;
let lastHmac: Sha256Hmac | undefined;

/**
 * HMAC-SHA-256 (RFC 2104) under one key, its padded key blocks prepared once: an import
 * hashes a value per row, and createHmac set the key up again for each (4 µs a value;
 * two one-shot hashes take 2.5).
 *
 *   HMAC(K, m) = SHA-256((K' xor opad) || SHA-256((K' xor ipad) || m)),
 *   K' = K (SHA-256(K) when longer than a block), zero-padded to 64 bytes.
 */
class Sha256Hmac {
  /** The inner key block, then room for a message. */
  private inner = Buffer.alloc(BLOCK + 256);
  /** The outer key block, then the inner digest. */
  private readonly outer = Buffer.alloc(BLOCK + 32);

  constructor(readonly key: string) {
    let keyBytes = Buffer.from(key, "utf8");
    if (keyBytes.length > BLOCK) keyBytes = hash("sha256", keyBytes, "buffer");
    for (let index = 0; index < BLOCK; index++) {
      const byte = keyBytes[index] ?? 0;
      this.inner[index] = byte ^ 0x36;
      this.outer[index] = byte ^ 0x5c;
    }
  }

  hex(message: string): string {
    const length = Buffer.byteLength(message, "utf8");
    if (BLOCK + length > this.inner.length) {
      const larger = Buffer.alloc(BLOCK + length);
      this.inner.copy(larger, 0, 0, BLOCK);
      this.inner = larger;
    }
    this.inner.write(message, BLOCK, "utf8");
    hash("sha256", this.inner.subarray(0, BLOCK + length), "buffer").copy(this.outer, BLOCK);
    return hash("sha256", this.outer, "hex");
  }
}
