import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCRUB_MARKERS, scrubPersonalData } from "./scrub-personal-data";

const { phone, idNumber, email } = SCRUB_MARKERS;

/** Text around personal data that never runs into its digits or letters. */
const filler = fc
  .array(fc.constantFrom(..."办事方便，态度很好。请回电：窗口排队 谢谢！".split("")), {
    maxLength: 12,
  })
  .map((chars) => chars.join(""));

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((values) => values.join(""));

const separator = fc.constantFrom("", " ", "-", "\u3000");

/** A mainland mobile number as people write it: grouped 3-4-4 or not, with or without +86. */
const mobile = fc
  .record({
    prefix: fc.constantFrom("", "+86 ", "+86-", "+86", "0086 ", "86-"),
    second: fc.integer({ min: 3, max: 9 }),
    rest: digits(9),
    sep: separator,
  })
  .map(({ prefix, second, rest, sep }) => ({
    written: `${prefix}1${second}${rest.slice(0, 1)}${sep}${rest.slice(1, 5)}${sep}${rest.slice(5)}`,
    number: `1${second}${rest}`,
  }));

const birthDate = fc
  .date({ min: new Date("1930-01-01T00:00:00Z"), max: new Date("2019-12-31T00:00:00Z") })
  .filter((date) => !Number.isNaN(date.getTime()))
  .map((date) => date.toISOString().slice(0, 10).replaceAll("-", ""));

const idNumber18 = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    born: birthDate,
    sequence: digits(3),
    check: fc.constantFrom(..."0123456789Xx".split("")),
  })
  .map(({ region, born, sequence, check }) => `${region}${born}${sequence}${check}`);

const idNumber15 = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    born: birthDate,
    sequence: digits(3),
  })
  .map(({ region, born, sequence }) => `${region}${born.slice(2)}${sequence}`);

const emailAddress = fc
  .record({
    user: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/),
    domain: fc.stringMatching(/^[a-z0-9]{1,8}$/),
    tld: fc.constantFrom("com", "cn", "com.cn", "org"),
  })
  .map(({ user, domain, tld }) => `${user}@${domain}.${tld}`);

/** Numbers that are not personal data: amounts, dates, codes, the hotline, counts. */
const ordinaryNumber = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => `${n.toLocaleString("en-US")}.50 元`),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => `${n}元`),
  fc.integer({ min: 0, max: 9_999 }).map((n) => `${(n / 100).toFixed(2)}万元`),
  birthDate.map((d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`),
  birthDate.map((d) => `${d.slice(0, 4)}年${Number(d.slice(4, 6))}月${Number(d.slice(6))}日`),
  birthDate,
  fc.integer({ min: 1, max: 999 }).map((n) => `SJJ-${String(n).padStart(3, "0")}`),
  fc.integer({ min: 1, max: 9_999_999 }).map((n) => `PJ${String(n).padStart(7, "0")}`),
  fc.constantFrom("12345", "12345热线", "第3窗口", "2号楼", "等了40分钟", "GB/T 22239-2019"),
);

describe("scrubPersonalData: known answers", () => {
  it.each([
    ["请回电13812345678谢谢", `请回电${phone}谢谢`],
    ["电话 138 1234 5678。", `电话 ${phone}。`],
    ["电话 138-1234-5678", `电话 ${phone}`],
    ["tel: +86 139 0000 1111", `tel: ${phone}`],
    ["0086-15000001111", phone],
    ["窗口电话 0571-8888 6666 一直占线", `窗口电话 ${phone} 一直占线`],
    ["(010) 62345678 转 8", `${phone} 转 8`],
    ["（021）6543 2100", phone],
    ["020-87654321-102", phone],
    ["身份证 11010519491231002X 办不了", `身份证 ${idNumber} 办不了`],
    ["证件号：330102 19900307 1234", `证件号：${idNumber}`],
    ["老证 110105491231002", `老证 ${idNumber}`],
    ["材料已发 zhang.wei@example.com，请查收", `材料已发 ${email}，请查收`],
    ["13812345678@qq.com", email],
  ])("%s", (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    "办事很方便，一次就办好了",
    "2024-05-01 办的，等了 3 天",
    "交了 12,345.67 元，退 1500 元",
    "事项 SJJ-001 和 PJ0000123 都办结了",
    "拨打 12345 热线",
    "订单 20240501",
    "Quick and clear, thank you.",
    "金额 138,123.45 元",
  ])("leaves %s alone", (text) => {
    expect(scrubPersonalData(text)).toBe(text);
  });
});

describe("scrubPersonalData: properties", () => {
  it("hides every mobile number, however written, and leaves no digit of it", () => {
    fc.assert(
      fc.property(filler, mobile, filler, (before, { written }, after) => {
        const scrubbed = scrubPersonalData(`${before}${written}${after}`);
        expect(scrubbed).toBe(`${before}${phone}${after}`);
      }),
    );
  });

  it("hides 18- and 15-digit ID card numbers", () => {
    fc.assert(
      fc.property(filler, fc.oneof(idNumber18, idNumber15), filler, (before, id, after) => {
        expect(scrubPersonalData(`${before}${id}${after}`)).toBe(`${before}${idNumber}${after}`);
      }),
    );
  });

  it("hides e-mail addresses", () => {
    fc.assert(
      fc.property(filler, emailAddress, filler, (before, address, after) => {
        expect(scrubPersonalData(`${before} ${address} ${after}`)).toBe(
          `${before} ${email} ${after}`,
        );
      }),
    );
  });

  it("never touches amounts, dates or codes", () => {
    fc.assert(
      fc.property(filler, ordinaryNumber, filler, (before, number, after) => {
        const text = `${before} ${number} ${after}`;
        expect(scrubPersonalData(text)).toBe(text);
      }),
    );
  });

  it("keeps none of what it hid and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(filler, ordinaryNumber), { maxLength: 4 }),
        fc.array(mobile, { maxLength: 3 }),
        fc.array(idNumber18, { maxLength: 2 }),
        (ordinary, mobiles, ids) => {
          const hidden = [...mobiles.map((m) => m.written), ...ids];
          const scrubbed = scrubPersonalData([...ordinary, ...hidden].join("，"));
          expect(scrubPersonalData(scrubbed)).toBe(scrubbed);
          for (const m of mobiles)
            expect(scrubbed.replace(/[ \-\u3000]/g, "")).not.toContain(m.number);
          for (const id of ids) expect(scrubbed).not.toContain(id);
          for (const text of ordinary) expect(scrubbed).toContain(text);
        },
      ),
    );
  });
});
