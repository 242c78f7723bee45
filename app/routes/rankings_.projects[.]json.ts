import { rankingJson } from "~/rankings/rankings.server";

/** Anyone: the projects ranking of /rankings as JSON (published snapshots only). */
export const loader = () => rankingJson("projects");
