import { ensureBuild } from "../../app/server/ensure-build.server";

/** Tests that drive the request handler need a current build; make it once per run. */
export function setup() {
  ensureBuild();
}
