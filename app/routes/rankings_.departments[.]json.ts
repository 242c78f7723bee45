import { rankingJson } from "~/rankings/rankings.server";

/** Anyone: the departments ranking of /rankings as JSON (published snapshots only). */
export const loader = () => rankingJson("departments");
