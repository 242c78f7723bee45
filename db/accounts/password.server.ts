import crypto from "node:crypto";
import { promisify } from "node:util";
import { singleton } from "../singleton.server";
import { ConcurrencyLimit } from "./concurrency-limit";

export { BusyError } from "./concurrency-limit";

// Nothing runs when this module loads: route modules reach it through db/queries for their
// actions, and the browser build drops it only if it has no effect of its own.
const scryptUnbounded = (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
): Promise<Buffer> =>
  (promisify(crypto.scrypt) as typeof scryptUnbounded)(password, salt, keylen, options);

/** Password checks running at once (each ~128 MiB and a libuv thread for ~0.3 s). */
export const PASSWORD_CHECKS_AT_ONCE = 4;
/** Checks that may wait for a slot; more are refused (429) rather than queued for ever. */
export const PASSWORD_CHECKS_QUEUED = 32;

/**
 * Every scrypt computation in the process takes a slot here, so a burst of sign-ins
 * (across many accounts and addresses) costs bounded CPU and memory at any moment.
 */
export const passwordCheckSlots = (): ConcurrencyLimit =>
  singleton(
    "password-check-slots",
    () =>
      new ConcurrencyLimit({
        concurrency: PASSWORD_CHECKS_AT_ONCE,
        maxQueued: PASSWORD_CHECKS_QUEUED,
        retryAfterSeconds: 5,
      }),
  );

/**
 * scrypt in a slot. Verifications (what anonymous visitors cause) are refused with a
 * BusyError when the queue is full; hashing a new password (admins, the CLI) waits.
 */
function scrypt(
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions & { mayRefuse: boolean },
): Promise<Buffer> {
  const { mayRefuse, ...scryptOptions } = options;
  return passwordCheckSlots().run(() => scryptUnbounded(password, salt, keylen, scryptOptions), {
    mayRefuse,
  });
}

/** OWASP's scrypt parameters: N = 2^17, r = 8, p = 1 (128 MiB per hash). */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function maxmem(params: { N: number; r: number }): number {
  return 128 * params.N * params.r + 16 * 1024 * 1024;
}

/** "scrypt$N$r$p$salt$hash", base64url: self-describing, so parameters can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const { N, r, p } = SCRYPT_PARAMS;
  const key = await scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, {
    N,
    r,
    p,
    maxmem: maxmem({ N, r }),
    mayRefuse: false,
  });
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export interface PasswordCheck {
  valid: boolean;
  /** True when the stored hash uses weaker parameters than today's: rehash on sign-in. */
  needsRehash: boolean;
}

/** Checks a password against a stored hash; throws a BusyError when too many checks wait. */
export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash)
    return { valid: false, needsRehash: false };
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, "base64url");
  const actual = await scrypt(
    password.normalize("NFKC"),
    Buffer.from(salt, "base64url"),
    expected.length,
    { ...params, maxmem: maxmem(params), mayRefuse: true },
  );
  const valid = actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  const needsRehash =
    params.N < SCRYPT_PARAMS.N || params.r < SCRYPT_PARAMS.r || params.p < SCRYPT_PARAMS.p;
  return { valid, needsRehash };
}
