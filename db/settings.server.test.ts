import path from "node:path";
import { describe, expect, it } from "vitest";
import { SettingsError, parseSettings } from "./settings.server";

describe("settings from the environment", () => {
  it("defaults to the embedded database with the demo on", () => {
    const settings = parseSettings({});
    expect(settings).toMatchObject({
      databaseUrl: undefined,
      dataDir: path.resolve("data"),
      port: 3000,
      host: undefined,
      timeZone: "Asia/Shanghai",
      maxUploadBytes: 200 * 1024 * 1024,
      demo: true,
    });
  });

  it("turns the demo off by default with DATABASE_URL, unless asked", () => {
    const url = "postgres://postgres@127.0.0.1:5432/test";
    expect(parseSettings({ DATABASE_URL: url }).demo).toBe(false);
    expect(parseSettings({ DATABASE_URL: url, MINGJING_DEMO: "1" }).demo).toBe(true);
    expect(parseSettings({ MINGJING_DEMO: "0" }).demo).toBe(false);
  });

  it("treats empty variables as unset", () => {
    expect(parseSettings({ DATABASE_URL: "", PORT: "" }).port).toBe(3000);
  });

  it("names every bad variable and its value", () => {
    const bad = () =>
      parseSettings({ PORT: "eighty", MINGJING_TIME_ZONE: "Mars/Olympus", MINGJING_DEMO: "maybe" });
    expect(bad).toThrow(SettingsError);
    expect(bad).toThrow(/PORT: .*\(got "eighty"\)/);
    expect(bad).toThrow(/MINGJING_TIME_ZONE: is not an IANA time zone.*\(got "Mars\/Olympus"\)/);
    expect(bad).toThrow(/MINGJING_DEMO/);
  });

  it("trusts no proxy by default, and reads a list of addresses and networks", () => {
    expect(parseSettings({}).trustedProxies).toEqual([]);
    expect(
      parseSettings({
        MINGJING_TRUSTED_PROXIES: " 10.0.0.1, 192.168.0.0/16,::1 ,fd00::/8,loopback",
      }).trustedProxies,
    ).toEqual(["10.0.0.1", "192.168.0.0/16", "::1", "fd00::/8", "loopback"]);
  });

  it.each(["10.0.0.300", "10.0.0.0/33", "::1/129", "proxy.example", "10.0.0.1,,10.0.0.2", "*"])(
    "refuses a trusted proxy list with %j, naming the variable",
    (value) => {
      const bad = () => parseSettings({ MINGJING_TRUSTED_PROXIES: value });
      expect(bad).toThrow(SettingsError);
      expect(bad).toThrow(/MINGJING_TRUSTED_PROXIES: .*\(got /);
    },
  );
});
