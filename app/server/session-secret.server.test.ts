import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseSettings } from "../../db/settings.server";
import { resolveSessionSecret } from "./session-secret.server";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("the demo's session secret", () => {
  let root: string;
  let previousUmask: number;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-secret-"));
    previousUmask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(previousUmask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("is owner-only, in an owner-only folder, and narrowed back when it was not", () => {
    const dir = path.join(root, "data");
    const settings = parseSettings({ MINGJING_DATA_DIR: dir });
    const secret = resolveSessionSecret(settings);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, "session-secret"))).toBe(0o600);
    expect(resolveSessionSecret(settings)).toBe(secret);
    fs.chmodSync(path.join(dir, "session-secret"), 0o644);
    fs.chmodSync(dir, 0o755);
    expect(resolveSessionSecret(settings)).toBe(secret);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, "session-secret"))).toBe(0o600);
  });
});
