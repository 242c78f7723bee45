import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MISPLACED_SEPARATORS } from "./decimal-text";
import { EXPECTED_AMOUNT, parseAmount, type AmountOptions } from "./parse-amount";

const yuan = (text: string, options?: AmountOptions) => {
  const result = parseAmount(text, options);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value;
};

/** "-1234.50" from a whole number of fen, independently of the parser. */
const fenText = (fen: bigint) => {
  const magnitude = (fen < 0n ? -fen : fen).toString().padStart(3, "0");
  return `${fen < 0n ? "-" : ""}${magnitude.slice(0, -2)}.${magnitude.slice(-2)}`;
};

describe("parseAmount", () => {
  it("reads yuan in every written form", () => {
    expect(yuan("12500")).toBe("12500.00");
    expect(yuan("12,500")).toBe("12500.00");
    expect(yuan("12,500.5")).toBe("12500.50");
    expect(yuan("12,500元")).toBe("12500.00");
    expect(yuan("12500 元")).toBe("12500.00");
    expect(yuan("¥12,500")).toBe("12500.00");
    expect(yuan("￥12,500.25元")).toBe("12500.25");
    expect(yuan("１２，５００元")).toBe("12500.00");
    expect(yuan("1.25e4")).toBe("12500.00");
    expect(yuan("0")).toBe("0.00");
    expect(yuan(".5")).toBe("0.50");
  });

  it("reads 万 and 亿 in the cell", () => {
    expect(yuan("12.5万")).toBe("125000.00");
    expect(yuan("12.5万元")).toBe("125000.00");
    expect(yuan("12.5 万元")).toBe("125000.00");
    expect(yuan("¥12.5万")).toBe("125000.00");
    expect(yuan("1,234.5万")).toBe("12345000.00");
    expect(yuan("1.2亿")).toBe("120000000.00");
    expect(yuan("1.2亿元")).toBe("120000000.00");
  });

  it("reads bare numbers as 万元 under a 万元 header, but the cell's own unit wins", () => {
    expect(yuan("12.5", { unitIsWan: true })).toBe("125000.00");
    expect(yuan("12.5万", { unitIsWan: true })).toBe("125000.00");
    expect(yuan("12,500元", { unitIsWan: true })).toBe("12500.00");
    expect(yuan("12.5", { unitIsWan: false })).toBe("12.50");
  });

  it("is exact: no binary floating point", () => {
    expect(yuan("0.1万")).toBe("1000.00");
    expect(yuan("0.1", { unitIsWan: true })).toBe("1000.00");
    expect(yuan("0.29")).toBe("0.29");
    expect(yuan("1.005")).toBe("1.01"); // 1.005 is 1.00499999… as a double
    expect(yuan("9999999999999999.99")).toBe("9999999999999999.99");
    expect(yuan("0.3万", { unitIsWan: false })).toBe("3000.00");
  });

  it("rounds to the fen half away from zero", () => {
    expect(yuan("12.345678万")).toBe("123456.78");
    expect(yuan("0.125")).toBe("0.13");
    expect(yuan("0.124999")).toBe("0.12");
    expect(yuan("0.0049")).toBe("0.00");
    expect(yuan("-0.125", { allowNegative: true })).toBe("-0.13");
    expect(yuan("-0.005", { allowNegative: true })).toBe("-0.01");
    expect(yuan("-0.001", { allowNegative: true })).toBe("0.00");
  });

  it("refuses negative amounts unless allowed", () => {
    const negative = { ok: false, reason: "expected an amount that is not negative" };
    expect(parseAmount("-12")).toEqual(negative);
    expect(parseAmount("-¥12")).toEqual(negative);
    expect(parseAmount("¥-12")).toEqual(negative);
    expect(parseAmount("-1万", { allowNegative: false })).toEqual(negative);
    expect(yuan("-0")).toBe("0.00");
    expect(yuan("-12", { allowNegative: true })).toBe("-12.00");
    expect(yuan("-¥12", { allowNegative: true })).toBe("-12.00");
    expect(yuan("¥-1.5万", { allowNegative: true })).toBe("-15000.00");
  });

  it("refuses what is no amount, naming what was expected", () => {
    for (const text of [
      "",
      "¥",
      "万",
      "元",
      "abc",
      "12%",
      "12美元",
      "12千",
      "12 万 元",
      "--12",
      "-¥-12",
      "12元万",
      "$12",
    ]) {
      expect(parseAmount(text), text).toEqual({ ok: false, reason: EXPECTED_AMOUNT });
    }
    expect(parseAmount("1,23万")).toEqual({ ok: false, reason: MISPLACED_SEPARATORS });
    expect(parseAmount("1e16")).toEqual({
      ok: false,
      reason: "expected an amount below 10,000,000,000,000,000 yuan (10^16)",
    });
    expect(parseAmount("1e999").ok).toBe(false);
    expect(parseAmount("1000000000000万").ok).toBe(false);
  });

  it("round-trips any amount to the fen, in yuan and in 万元", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n }),
        fc.boolean(),
        (fen, grouped) => {
          const text = fenText(fen);
          const written = grouped
            ? text.replace(/\d+(?=\.)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ","))
            : text;
          expect(yuan(written, { allowNegative: true })).toBe(text);
          expect(yuan(`¥${written}元`, { allowNegative: true })).toBe(text);
          // The same amount in 万元: shift the decimal point four places left.
          const magnitude = (fen < 0n ? -fen : fen).toString().padStart(7, "0");
          const wan = `${fen < 0n ? "-" : ""}${magnitude.slice(0, -6)}.${magnitude.slice(-6)}`;
          expect(yuan(`${wan}万`, { allowNegative: true })).toBe(text);
          expect(yuan(wan, { allowNegative: true, unitIsWan: true })).toBe(text);
        },
      ),
    );
  });

  it("rounds like exact decimal arithmetic for any number of decimals", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 8 }),
        (units, decimals) => {
          const digits = units.toString().padStart(decimals + 1, "0");
          const text =
            decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
          // Expected fen: units · 10^(2 − decimals), rounded half up (non-negative).
          const scaled = (units * 10n ** 10n) / 10n ** BigInt(decimals); // fen · 10^8, exact
          const fen = (scaled + 50_000_000n) / 100_000_000n;
          expect(yuan(text)).toBe(fenText(fen));
        },
      ),
    );
  });
});
