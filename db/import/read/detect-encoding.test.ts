import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectFileEncoding, parseEncodingName, sniffEncoding } from "./detect-encoding";
import { GBK_CODES, gbkBytes } from "./fixtures/gbk-bytes";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

/** The bytes in chunks of `size`, to check that nothing depends on where chunks split. */
function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

describe("GBK test table", () => {
  it("agrees with the GB18030 decoder, code by code", () => {
    const decoder = new TextDecoder("gb18030", { fatal: true });
    for (const [char, hex] of Object.entries(GBK_CODES)) {
      expect(decoder.decode(Buffer.from(hex, "hex")), hex).toBe(char);
    }
    expect(decoder.decode(gbkBytes("项目编码"))).toBe("项目编码");
    expect(Buffer.from(gbkBytes("项目编码")).toString("hex")).toBe("cfeec4bfb1e0c2eb");
  });
});

describe("parseEncodingName", () => {
  it.each([
    ["utf-8", "utf-8"],
    ["UTF8", "utf-8"],
    [" utf_8 ", "utf-8"],
    ["gbk", "gb18030"],
    ["GB2312", "gb18030"],
    ["gb18030", "gb18030"],
    ["cp936", "gb18030"],
    ["Big5", "big5"],
    ["utf-16le", "utf-16le"],
    ["UTF-16BE", "utf-16be"],
  ])("%j → %s", (name, encoding) => {
    expect(parseEncodingName(name)).toBe(encoding);
  });

  it("refuses an unknown name, saying which names it knows", () => {
    expect(() => parseEncodingName("latin-9")).toThrow(/Unknown encoding "latin-9".*utf-8.*gbk/);
    expect(() => parseEncodingName("")).toThrow(/Unknown encoding/);
  });
});

describe("sniffEncoding", () => {
  it("reads valid UTF-8 as UTF-8, with and without a byte order mark", async () => {
    const text = utf8("项目编码,名称\n中文,北京\n");
    expect(await sniffEncoding([text])).toEqual({ encoding: "utf-8", bom: false });
    expect(await sniffEncoding([concat(UTF8_BOM, text)])).toEqual({ encoding: "utf-8", bom: true });
  });

  it("does not depend on where chunks split characters or the byte order mark", async () => {
    const bytes = concat(UTF8_BOM, utf8("项目编码,名称\n中文,北京\n"));
    for (const size of [1, 2, 4, 5]) {
      expect(await sniffEncoding(chunked(bytes, size))).toEqual({ encoding: "utf-8", bom: true });
    }
    const gbk = gbkBytes("项目编码,名称\n中文,北京\n");
    for (const size of [1, 2, 3]) {
      expect((await sniffEncoding(chunked(gbk, size))).encoding).toBe("gb18030");
    }
  });

  it("agrees with a fatal UTF-8 decoder on any bytes, however the chunks split them", async () => {
    const isUtf8ByDecoder = (bytes: Uint8Array) => {
      try {
        new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Mostly valid text with stray bytes, so both answers come up often.
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 6 }).map((text) => utf8(text)),
      fc.uint8Array({ minLength: 1, maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 8 }),
        fc.integer({ min: 1, max: 7 }),
        async (pieces, size) => {
          // Bytes that open with no byte order mark, so only UTF-8 or not is in question.
          const bytes = concat(utf8("a"), ...pieces);
          const sniffed = await sniffEncoding(chunked(bytes, size));
          expect(sniffed.encoding).toBe(isUtf8ByDecoder(bytes) ? "utf-8" : "gb18030");
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("reads GBK bytes as GB18030", async () => {
    expect(await sniffEncoding([gbkBytes("项目编码,名称\r\nP-1,北京政务\r\n")])).toEqual({
      encoding: "gb18030",
      bom: false,
    });
  });

  it("takes a file with one bad byte after megabytes of ASCII as GB18030", async () => {
    const ascii = utf8("code,name\r\n".repeat(200_000));
    expect(await sniffEncoding([...chunked(ascii, 65536), gbkBytes("中文")])).toEqual({
      encoding: "gb18030",
      bom: false,
    });
  });

  it("takes UTF-8 cut in the middle of a character at the end as not UTF-8", async () => {
    const bytes = utf8("名称");
    expect((await sniffEncoding([bytes.subarray(0, 5)])).encoding).toBe("gb18030");
  });

  it("stops reading at the first byte that is not UTF-8", async () => {
    let pulled = 0;
    function* chunks(): Generator<Uint8Array> {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield i === 2 ? gbkBytes("中文") : utf8("abc\n");
      }
    }
    expect((await sniffEncoding(chunks())).encoding).toBe("gb18030");
    expect(pulled).toBe(3);
  });

  it("honours a UTF-16 byte order mark and takes an empty file as UTF-8", async () => {
    expect(await sniffEncoding([Uint8Array.of(0xff, 0xfe, 0x61, 0x00)])).toEqual({
      encoding: "utf-16le",
      bom: true,
    });
    expect(await sniffEncoding([Uint8Array.of(0xfe), Uint8Array.of(0xff, 0x00, 0x61)])).toEqual({
      encoding: "utf-16be",
      bom: true,
    });
    expect(await sniffEncoding([])).toEqual({ encoding: "utf-8", bom: false });
    expect(await sniffEncoding([Uint8Array.of(0x61)])).toEqual({ encoding: "utf-8", bom: false });
  });
});

describe("detectFileEncoding", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "mingjing-encoding-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("sniffs the file's bytes, or takes the encoding given", async () => {
    const gbk = path.join(dir, "gbk.csv");
    await writeFile(gbk, gbkBytes("项目编码\r\n"));
    const bom = path.join(dir, "bom.csv");
    await writeFile(bom, concat(UTF8_BOM, utf8("项目编码\n")));

    expect(await detectFileEncoding(gbk)).toEqual({
      encoding: "gb18030",
      bom: false,
      detected: true,
    });
    expect(await detectFileEncoding(bom)).toEqual({ encoding: "utf-8", bom: true, detected: true });
    expect(await detectFileEncoding(gbk, "GBK")).toEqual({
      encoding: "gb18030",
      bom: false,
      detected: false,
    });
    expect(await detectFileEncoding(bom, "utf8")).toEqual({
      encoding: "utf-8",
      bom: true,
      detected: false,
    });
    await expect(detectFileEncoding(gbk, "ebcdic")).rejects.toThrow(/Unknown encoding "ebcdic"/);
  });
});
