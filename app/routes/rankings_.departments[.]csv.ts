import { rankingCsv } from "~/rankings/rankings.server";

/** Anyone: the departments ranking of /rankings as CSV (published snapshots only). */
export const loader = () => rankingCsv("departments");
