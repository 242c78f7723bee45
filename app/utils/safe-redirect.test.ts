import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

const ORIGIN = "http://mingjing.test";
const FALLBACK = "/fallback";

/** Where a browser would go with this Location on ORIGIN (it drops tabs and newlines first). */
function landsOn(location: string): string[] {
  return [location, location.replace(/[\t\n\r]/g, "")].map(
    (value) => new URL(value, `${ORIGIN}/some/page?x=1`).origin,
  );
}

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirect("/dashboard", FALLBACK)).toBe("/dashboard");
    expect(safeRedirect("/login?redirectTo=%2Fdashboard", FALLBACK)).toBe(
      "/login?redirectTo=%2Fdashboard",
    );
    expect(safeRedirect("/projects/PRJ-A#scores", FALLBACK)).toBe("/projects/PRJ-A#scores");
    // A percent-encoded slash is a character of the path, not a separator: it stays here.
    expect(safeRedirect("/%2F/evil.example", FALLBACK)).toBe("/%2F/evil.example");
    // Non-ASCII is percent-encoded, so the Location header can carry it.
    expect(safeRedirect("/项目", FALLBACK)).toBe("/%E9%A1%B9%E7%9B%AE");
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["backslash after the slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a tab between the slashes", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a newline in the path", "/\nSet-Cookie: x=1"],
    ["DEL", "/\u007f/evil.example"],
    ["a C1 control", "/\u0085/evil.example"],
    ["a NUL", "/\u0000evil"],
    ["an absolute URL", "https://evil.example/"],
    ["a scheme without slashes", "http:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["a relative path", "dashboard"],
    ["a dot segment that makes two slashes", "/.//evil.example"],
    ["an encoded dot segment", "/%2e//evil.example"],
    ["leading space", " //evil.example"],
    ["empty", ""],
  ])("refuses %s", (_name, target) => {
    expect(safeRedirect(target, FALLBACK)).toBe(FALLBACK);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(new File([], "x"), FALLBACK)).toBe(FALLBACK);
  });

  it("for any string, answers the fallback or a single-slash path that stays on the site", () => {
    const interesting = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      ".",
      "%2e",
      "%2F",
      "%5C",
      "%09",
      ":",
      "@",
      "?",
      "#",
      "evil.example",
      "http:",
      "javascript:",
      "\u007f",
      "\u0085",
      "\u2028",
    );
    const target = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(interesting, { maxLength: 8 }).map((parts) => parts.join("")),
      fc
        .array(fc.oneof(interesting, fc.string({ maxLength: 3 })), { maxLength: 8 })
        .map((parts) => `/${parts.join("")}`),
    );
    fc.assert(
      fc.property(target, (value) => {
        const result = safeRedirect(value, FALLBACK);
        if (result === FALLBACK) return;
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        // No control character, space, DEL, C1 control or backslash.
        expect(result).not.toMatch(/[^\u0021-\u007e\u00a0-\uffff]|\\/);
        for (const origin of landsOn(result)) expect(origin).toBe(ORIGIN);
      }),
      { numRuns: 5000 },
    );
  });
});
