/**
 * Values as a PostgreSQL array literal ('{1,2,3}'), for `= any($1::int[])` and unnest():
 * the two drivers serialise JavaScript arrays differently (drizzle turns off postgres.js's
 * own serialisers for dates and their arrays), a text literal means the same to both.
 * Only for ids and ISO dates, which need no quoting.
 */
export function arrayLiteral(values: ReadonlyArray<number | string>): string {
  return `{${values.join(",")}}`;
}
