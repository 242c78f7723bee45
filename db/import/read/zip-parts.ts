import { pipeline, Transform, type Readable } from "node:stream";
import yauzl from "yauzl";

/**
 * A zip archive read through its central directory: any part can be opened, in any order,
 * without inflating the others (an .xlsx stores its sheets before the shared strings and
 * workbook they depend on). Every byte inflated is counted against caps as it comes: the
 * sizes an archive declares are only claims.
 */
export interface ZipParts {
  /** The part's size once inflated, as the archive declares it; undefined when it has no such part. */
  size(name: string): number | undefined;
  /**
   * The part's inflated content; rejects when there is no such part. The stream fails with
   * ZipPartRefused once the part inflates past `maxBytes`, past the size the archive
   * declares for it, or the archive's parts together past the archive's cap.
   */
  open(name: string, maxBytes?: number): Promise<Readable>;
  /** Lets go of the file once every opened part has ended or been destroyed. */
  close(): void;
}

/** A part inflated (or declared) past a cap. The message names the part; the caller, the file. */
export class ZipPartRefused extends Error {
  override readonly name = "ZipPartRefused";

  constructor(
    readonly part: string,
    message: string,
    /** What the person can do, when it is not "save the file again". */
    readonly advice?: string,
  ) {
    super(message);
  }
}

const UNITS = [
  [1024 ** 3, "GiB"],
  [1024 ** 2, "MiB"],
  [1024, "KiB"],
] as const;

/** A cap for people: "4 GiB", "256 KiB", or "1,000 bytes" when it is no round size. */
export function sizeText(bytes: number): string {
  for (const [unit, name] of UNITS) {
    if (bytes >= unit && bytes % unit === 0) return `${bytes / unit} ${name}`;
  }
  return `${bytes.toLocaleString("en-US")} bytes`;
}

function openArchive(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // Sizes are checked below, against our caps as well as the archive's claims.
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: false };
    yauzl.open(path, options, (error, zip) => {
      if (error) reject(error);
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) reject(error);
      else resolve(stream);
    });
  });
}

/** The bytes inflated from every part of one archive so far, and how many it may inflate. */
interface ArchiveBudget {
  inflated: number;
  readonly maxBytes: number;
}

function tooLarge(part: string, maxBytes: number, what: string): ZipPartRefused {
  return new ZipPartRefused(part, `its part ${part} ${what} more than ${sizeText(maxBytes)}`);
}

/** Why a part may not be opened at all, from what the archive declares of it. */
function declaredRefusal(
  entry: yauzl.Entry,
  maxBytes: number,
  budget: ArchiveBudget,
): ZipPartRefused | undefined {
  const declared = entry.uncompressedSize;
  if (declared > maxBytes) return tooLarge(entry.fileName, maxBytes, "declares");
  if (budget.inflated + declared > budget.maxBytes) {
    return new ZipPartRefused(
      entry.fileName,
      `its parts declare more than ${sizeText(budget.maxBytes)} together, with ${entry.fileName}`,
    );
  }
  return undefined;
}

/** Passes a part's bytes on, failing as soon as they pass a cap or the declared size. */
function countInflated(entry: yauzl.Entry, maxBytes: number, budget: ArchiveBudget): Transform {
  const part = entry.fileName;
  const declared = entry.uncompressedSize;
  let inflated = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflated += chunk.length;
      budget.inflated += chunk.length;
      if (inflated > declared) {
        done(
          new ZipPartRefused(
            part,
            `its part ${part} inflates to more than the ${sizeText(declared)} the archive ` +
              `declares for it`,
          ),
        );
      } else if (inflated > maxBytes) {
        done(tooLarge(part, maxBytes, "inflates to"));
      } else if (budget.inflated > budget.maxBytes) {
        done(
          new ZipPartRefused(
            part,
            `its parts inflate to more than ${sizeText(budget.maxBytes)} together, by ${part}`,
          ),
        );
      } else {
        done(null, chunk);
      }
    },
  });
}

/**
 * Opens a zip archive and reads its central directory. Its parts may inflate to at most
 * `maxInflatedBytes` together, each to at most what the archive declares for it.
 */
export async function openZipParts(path: string, maxInflatedBytes: number): Promise<ZipParts> {
  const zip = await openArchive(path);
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await listEntries(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  const budget: ArchiveBudget = { inflated: 0, maxBytes: maxInflatedBytes };
  return {
    size: (name) => entries.get(name)?.uncompressedSize,
    open: async (name, maxBytes = maxInflatedBytes) => {
      const entry = entries.get(name);
      if (entry === undefined) throw new Error(`the archive has no part ${name}`);
      const refusal = declaredRefusal(entry, maxBytes, budget);
      if (refusal) throw refusal;
      const counted = countInflated(entry, maxBytes, budget);
      // pipeline, not pipe: a refusal must end the inflating, and its error reach the reader.
      pipeline(await openEntry(zip, entry), counted, () => undefined);
      return counted;
    },
    close: () => zip.close(),
  };
}
