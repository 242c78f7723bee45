import { ensureBuild } from "../../app/server/build.mjs";

/**
 * Tests that drive the request handler need a current build; make it once per run.
 * MINGJING_TEST_NO_BUILD=1 skips it for runs of pure tests while the app is mid-edit.
 */
export function setup() {
  if (process.env.MINGJING_TEST_NO_BUILD === "1") return;
  ensureBuild();
}
