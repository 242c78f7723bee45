import { z } from "zod";
import { notFound } from "./permissions.server";

/** The largest value of a PostgreSQL `integer` (serial) column: 2^31 − 1. */
export const MAX_SERIAL_ID = 2_147_483_647;
/** The largest `bigserial` id a JavaScript number holds exactly (mode: "number"). */
export const MAX_BIGSERIAL_ID = Number.MAX_SAFE_INTEGER;

/**
 * An `:id` URL segment: a canonical positive decimal (no sign, leading zero, exponent
 * or hex) no larger than the column holds. Anything else names no row, so it is "not
 * found" — never a value the database refuses with an error (a 500).
 */
export function idParam(max: number = MAX_SERIAL_ID) {
  return z
    .string()
    .regex(/^[1-9]\d{0,15}$/)
    .transform(Number)
    .pipe(z.number().int().max(max));
}

const serialId = idParam(MAX_SERIAL_ID);

/** The id of a URL segment, or undefined when no row can have it. */
export function parseIdParam(
  value: string | undefined,
  max: number = MAX_SERIAL_ID,
): number | undefined {
  const parsed = (max === MAX_SERIAL_ID ? serialId : idParam(max)).safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The id of a URL segment; a 404 response is thrown when no row can have it. */
export function requireIdParam(value: string | undefined, max: number = MAX_SERIAL_ID): number {
  const id = parseIdParam(value, max);
  if (id === undefined) throw notFound();
  return id;
}
