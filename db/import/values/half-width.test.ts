import { describe, expect, it } from "vitest";
import { toHalfWidth } from "./half-width";

describe("toHalfWidth", () => {
  it("folds full-width digits, letters, punctuation and spaces", () => {
    expect(toHalfWidth("１，２３４．５％")).toBe("1,234.5%");
    expect(toHalfWidth("ＡＢｃ（万元）")).toBe("ABc(万元)");
    expect(toHalfWidth("２０２１－０７－０１\u3000０９：０５")).toBe("2021-07-01 09:05");
    expect(toHalfWidth("\u221212")).toBe("-12");
  });

  it("leaves everything else alone", () => {
    expect(toHalfWidth("10² 项目 ¥ ￥ — ½")).toBe("10² 项目 ¥ ￥ — ½");
    expect(toHalfWidth("plain ASCII ~!")).toBe("plain ASCII ~!");
  });
});
