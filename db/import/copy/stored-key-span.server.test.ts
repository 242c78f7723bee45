import { describe, expect, it } from "vitest";
import { outsideSpan } from "./stored-key-span.server";

const stored = { low: "12345-000000100", high: "12345-000000199" };

describe("outsideSpan", () => {
  it("takes keys all after or all before the stored span for new", () => {
    expect(outsideSpan(["12345-000000201", "12345-000000200"], stored)).toBe(true);
    expect(outsideSpan(["12345-000000001", "12345-000000099"], stored)).toBe(true);
  });

  it("does not where a key is within the span or on its ends", () => {
    expect(outsideSpan(["12345-000000201", "12345-000000150"], stored)).toBe(false);
    expect(outsideSpan(["12345-000000199", "12345-000000300"], stored)).toBe(false);
    expect(outsideSpan(["12345-000000001", "12345-000000100"], stored)).toBe(false);
    // Keys on both sides: the span lies within theirs.
    expect(outsideSpan(["12345-000000001", "12345-000000300"], stored)).toBe(false);
  });

  it("takes every key for new when nothing is stored, none when there are no keys", () => {
    expect(outsideSpan(["a"], null)).toBe(true);
    expect(outsideSpan([], stored)).toBe(false);
  });

  it("leaves a key with characters beyond the BMP to the server", () => {
    // In UTF-16, "😀" (U+1F600) sorts before "豈" (U+F900): not in code-point order.
    expect(outsideSpan(["😀"], { low: "a", high: "b" })).toBe(false);
  });
});
