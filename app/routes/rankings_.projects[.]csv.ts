import { rankingCsv } from "~/rankings/rankings.server";

/** Anyone: the projects ranking of /rankings as CSV (published snapshots only). */
export const loader = () => rankingCsv("projects");
