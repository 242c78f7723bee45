import type { Readable } from "node:stream";
import yauzl from "yauzl";

/**
 * A zip archive read through its central directory: any part can be opened, in any order,
 * without inflating the others (an .xlsx stores its sheets before the shared strings and
 * workbook they depend on).
 */
export interface ZipParts {
  /** The part's size once inflated, in bytes; undefined when the archive has no such part. */
  size(name: string): number | undefined;
  /** The part's inflated content; rejects when there is no such part. */
  open(name: string): Promise<Readable>;
  /** Lets go of the file once every opened part has ended or been destroyed. */
  close(): void;
}

function openArchive(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => {
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

/** Opens a zip archive and reads its central directory. */
export async function openZipParts(path: string): Promise<ZipParts> {
  const zip = await openArchive(path);
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await listEntries(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    size: (name) => entries.get(name)?.uncompressedSize,
    open: (name) => {
      const entry = entries.get(name);
      if (entry === undefined) return Promise.reject(new Error(`the archive has no part ${name}`));
      return openEntry(zip, entry);
    },
    close: () => zip.close(),
  };
}
