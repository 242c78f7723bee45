import { appliedMigrationCount } from "../../db/queries/health.server";
import { getHandle, getPhase } from "../../db/runtime.server";

/** 200 once the database answers, migrations are applied and the demo seed (if any) is complete. */
export async function loader() {
  const { phase, error } = getPhase();
  if (phase !== "ready") {
    return Response.json(
      { status: phase, error },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
  try {
    const migrations = await appliedMigrationCount(getHandle());
    return Response.json(
      { status: "ok", migrations },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (failure) {
    return Response.json(
      { status: "database unavailable", error: (failure as Error).message },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
