import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { z } from "zod";
import { KIND_DEFINITIONS } from "../../db/import/kinds/index";
import type { FilePreview } from "../../db/import/preview.server";
import { formatOfFile, type ImportFileFormat } from "../../db/import/read/read-records";
import type { ImportReport } from "../../db/import/run-import.server";
import { recordAudit } from "../../db/queries/audit.server";
import { getDb } from "../../db/runtime.server";
import { IMPORT_KINDS, type ImportKind } from "../../db/schema/enums";
import { assertCsrf, CSRF_FIELD } from "../utils/csrf.server";
import { getSettings } from "../../db/settings.server";
import type { SessionUser } from "../utils/permissions.server";
import type { ImportMessage } from "./messages";
import { clientIp } from "../utils/session.server";
import { singleton } from "../../db/singleton.server";

/**
 * Uploaded import files waiting for their preview to be committed or cancelled: a temp
 * file each (in a folder only this process's user can read), known by an unguessable id,
 * owned by the user who uploaded it, gone after UPLOAD_TTL_MS. Held in this process's
 * memory: one server process serves the app.
 */

export const UPLOAD_TTL_MS = 60 * 60 * 1000;
/** A multipart body is the file plus a few short fields and the part headers. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const MAX_FIELD_BYTES = 4 * 1024;

export const ENCODING_CHOICES = ["auto", "utf-8", "gb18030"] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

export interface UploadOptions {
  kind: ImportKind;
  encoding: EncodingChoice;
  sheet: string | undefined;
  skipInvalid: boolean;
}

/** What the dry run found: how the file reads, and every error it holds. */
export interface UploadCheck {
  preview: FilePreview | null;
  report: ImportReport | null;
  /**
   * The file could not be read at all (wrong sheet, broken workbook…: the reader's reason,
   * as it gave it), or checking it failed for another reason (its error's message).
   */
  failure: UploadFailure | null;
}

export interface UploadFailure {
  during: "read" | "check";
  reason: string;
}

export interface StoredUpload {
  id: string;
  userId: number;
  fileName: string;
  filePath: string;
  bytes: number;
  format: ImportFileFormat;
  options: UploadOptions;
  createdAt: number;
  expiresAt: number;
  check: UploadCheck | null;
  /** The report of a commit the engine refused (the preview shows it instead). */
  commitReport: ImportReport | null;
  /** The job checking or committing it now, if any. */
  jobId: string | null;
}

const uploads = () => singleton("import-uploads", () => new Map<string, StoredUpload>());

let folder: string | undefined;

/** The folder of uploaded files; stale files a previous process left are removed. */
function uploadFolder(): string {
  if (folder) return folder;
  const target = path.join(os.tmpdir(), `mingjing-uploads-${os.userInfo().uid}`);
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  const now = Date.now();
  for (const name of fs.readdirSync(target)) {
    const file = path.join(target, name);
    try {
      if (now - fs.statSync(file).mtimeMs > UPLOAD_TTL_MS) fs.rmSync(file, { force: true });
    } catch {
      // Another process may have removed it first.
    }
  }
  folder = target;
  return target;
}

function removeFile(filePath: string): void {
  fs.rm(filePath, { force: true }, () => undefined);
}

/** Forgets expired uploads and deletes their files (never one a job is using). */
export function sweepExpiredUploads(now = Date.now()): void {
  for (const upload of uploads().values()) {
    if (upload.expiresAt <= now && upload.jobId === null) discardUpload(upload.id);
  }
}

/** The user's upload by id; undefined for anyone else's, an unknown or an expired one. */
export function findUpload(id: string, userId: number): StoredUpload | undefined {
  sweepExpiredUploads();
  const upload = uploads().get(id);
  return upload && upload.userId === userId ? upload : undefined;
}

export function discardUpload(id: string): void {
  const upload = uploads().get(id);
  if (!upload) return;
  uploads().delete(id);
  removeFile(upload.filePath);
}

/** The number of uploads held (tests: a refused upload leaves none behind). */
export function heldUploadCount(): number {
  return uploads().size;
}

/** Whether a user may import a kind at all: a steward only kinds that belong to a department. */
export function mayImportKind(user: SessionUser, kind: ImportKind): boolean {
  return user.role === "admin" || KIND_DEFINITIONS[kind].departmentOf !== undefined;
}

/** The kinds a user may choose on the upload form. */
export function importableKinds(user: SessionUser): ImportKind[] {
  return IMPORT_KINDS.filter((kind) => mayImportKind(user, kind));
}

export function tooLargeMessage(maxBytes: number): ImportMessage {
  return { key: "imports.upload.tooLarge", sizes: { limit: maxBytes } };
}

const CHOOSE_FILE: ImportMessage = { key: "imports.upload.chooseFile" };
const SHEET_MAX_CHARS = 100;

class UploadTooLarge extends Error {}
class FieldTooLarge extends Error {}

async function readField(data: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of data) {
    bytes += chunk.length;
    if (bytes > MAX_FIELD_BYTES) throw new FieldTooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of data) void chunk;
}

async function* countBytes(
  data: AsyncIterable<Uint8Array>,
  maxBytes: number,
  counter: { bytes: number },
): AsyncGenerator<Uint8Array> {
  for await (const chunk of data) {
    counter.bytes += chunk.length;
    if (counter.bytes > maxBytes) throw new UploadTooLarge();
    yield chunk;
  }
}

/** Each field's error, should its value be refused. */
const FIELD_ERRORS: Partial<Record<string, ImportMessage>> = {
  kind: { key: "imports.upload.chooseKind" },
  encoding: { key: "imports.upload.chooseEncoding" },
  sheet: { key: "imports.upload.sheetTooLong", vars: { max: SHEET_MAX_CHARS } },
  skipInvalid: { key: "imports.upload.formInvalid" },
};

const uploadForm = z.object({
  kind: z.enum(IMPORT_KINDS),
  encoding: z.enum(ENCODING_CHOICES).default("auto"),
  sheet: z
    .string()
    .trim()
    .max(SHEET_MAX_CHARS)
    .optional()
    .transform((value) => (value ? value : undefined)),
  skipInvalid: z
    .string()
    .optional()
    .transform((value) => value !== undefined && value !== ""),
});

export type UploadFormValues = {
  kind: string;
  encoding: string;
  sheet: string;
  skipInvalid: boolean;
};

export type ReceivedUpload =
  | { ok: true; upload: StoredUpload }
  | {
      ok: false;
      status: number;
      /** Each field's error, said in the request's language by the route. */
      errors: Partial<Record<string, ImportMessage>>;
      values: UploadFormValues;
    };

async function auditRefusal(
  request: Request,
  user: SessionUser,
  reason: string,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(getDb(), {
    actorId: user.id,
    actorName: user.username,
    action: "import.upload_refuse",
    objectKind: "import_file",
    objectId: typeof details.file === "string" ? details.file : undefined,
    after: { reason, ...details },
    ip: clientIp(request),
  });
}

/** Records that a steward's file holds rows of departments it does not look after. */
export async function auditOutOfScope(
  user: SessionUser,
  ip: string | null,
  upload: StoredUpload,
  rows: number,
): Promise<void> {
  await recordAudit(getDb(), {
    actorId: user.id,
    actorName: user.username,
    action: "import.upload_refuse",
    objectKind: "import_file",
    objectId: upload.fileName,
    after: { reason: "out_of_scope", kind: upload.options.kind, rows },
    ip,
  });
}

/**
 * Receives an upload form (multipart: csrf, kind, encoding, sheet, skipInvalid, then the
 * file) as a stream. A body whose Content-Length is over the limit is refused before a
 * byte of it is read; otherwise the CSRF token, which the form puts before the file, is
 * checked before the file is stored, and the file is written to a temp file while its
 * bytes are counted, stopping as soon as it passes the limit. Refusals are audited.
 */
export async function receiveUpload(request: Request, user: SessionUser): Promise<ReceivedUpload> {
  const maxBytes = getSettings().maxUploadBytes;
  const values: UploadFormValues = { kind: "", encoding: "auto", sheet: "", skipInvalid: false };
  const refuse = (
    status: number,
    errors: Partial<Record<string, ImportMessage>>,
  ): ReceivedUpload => ({
    ok: false,
    status,
    errors,
    values,
  });
  const declared = Number(request.headers.get("Content-Length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    await auditRefusal(request, user, "too_large", { bytes: declared, limit: maxBytes });
    return refuse(413, { file: tooLargeMessage(maxBytes) });
  }
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    // Not an upload form at all: still a state-changing request, so the CSRF check first.
    await assertCsrf(request, await request.formData().catch(() => new FormData()));
    return refuse(400, { file: CHOOSE_FILE });
  }

  const fields = new Map<string, string>();
  let csrfChecked = false;
  let stored: { filePath: string; fileName: string; bytes: number } | undefined;
  const checkCsrf = async () => {
    if (csrfChecked) return;
    const form = new FormData();
    const token = fields.get(CSRF_FIELD);
    if (token !== undefined) form.set(CSRF_FIELD, token);
    await assertCsrf(request, form);
    csrfChecked = true;
  };
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) {
      if (fields.size >= 20) throw new FieldTooLarge();
      fields.set(name, await readField(data));
      return undefined;
    }
    // Nothing of a file is stored before the form's token has been checked.
    await checkCsrf();
    if (name !== "file" || stored || filename === "") {
      await drain(countBytes(data, maxBytes, { bytes: 0 }));
      return undefined;
    }
    // The readers tell the format from the extension: keep a known one.
    const extension = path.extname(filename).toLowerCase();
    const filePath = path.join(
      uploadFolder(),
      `${crypto.randomBytes(18).toString("base64url")}${formatOfFile(filename) ? extension : ""}`,
    );
    const counter = { bytes: 0 };
    try {
      await pipeline(
        Readable.from(countBytes(data, maxBytes, counter)),
        fs.createWriteStream(filePath, { flags: "wx", mode: 0o600 }),
      );
    } catch (error) {
      removeFile(filePath);
      throw error;
    }
    stored = { filePath, fileName: filename.slice(-200), bytes: counter.bytes };
    return undefined;
  };

  try {
    await unstable_parseMultipartFormData(request, handler);
    await checkCsrf();
  } catch (error) {
    if (stored) removeFile(stored.filePath);
    stored = undefined;
    if (error instanceof Response) throw error;
    if (error instanceof UploadTooLarge) {
      await auditRefusal(request, user, "too_large", { limit: maxBytes });
      return refuse(413, { file: tooLargeMessage(maxBytes) });
    }
    if (error instanceof FieldTooLarge)
      return refuse(400, { form: { key: "imports.upload.formInvalid" } });
    return refuse(400, { file: { key: "imports.upload.incomplete" } });
  }

  values.kind = fields.get("kind") ?? "";
  values.encoding = fields.get("encoding") ?? "auto";
  values.sheet = fields.get("sheet") ?? "";
  values.skipInvalid = Boolean(fields.get("skipInvalid"));
  const parsed = uploadForm.safeParse(Object.fromEntries(fields));
  const errors: Partial<Record<string, ImportMessage>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      errors[field] ??= FIELD_ERRORS[field] ?? { key: "imports.upload.formInvalid" };
    }
  }
  const file = stored;
  const format = file ? formatOfFile(file.fileName) : undefined;
  if (!file) errors.file ??= CHOOSE_FILE;
  else if (format === undefined) errors.file = { key: "imports.upload.unsupportedFormat" };
  else if (file.bytes === 0) errors.file = { key: "imports.upload.empty" };
  if (parsed.success && !mayImportKind(user, parsed.data.kind)) {
    errors.kind = { key: "imports.upload.adminOnly", kinds: { kind: parsed.data.kind } };
  }
  if (!parsed.success || !file || format === undefined || Object.keys(errors).length > 0) {
    if (file) removeFile(file.filePath);
    const reason =
      errors.kind && parsed.success
        ? "kind_out_of_scope"
        : format === undefined && file
          ? "unsupported_format"
          : null;
    if (reason) {
      await auditRefusal(request, user, reason, {
        kind: values.kind,
        file: file?.fileName,
        bytes: file?.bytes,
      });
    }
    return refuse(400, errors);
  }

  const now = Date.now();
  const upload: StoredUpload = {
    id: crypto.randomBytes(18).toString("base64url"),
    userId: user.id,
    fileName: file.fileName,
    filePath: file.filePath,
    bytes: file.bytes,
    format,
    options: {
      kind: parsed.data.kind,
      // An encoding applies to CSV, a sheet to workbooks: the other is not asked of the reader.
      encoding: format === "csv" ? parsed.data.encoding : "auto",
      sheet: format === "xlsx" ? parsed.data.sheet : undefined,
      skipInvalid: parsed.data.skipInvalid,
    },
    createdAt: now,
    expiresAt: now + UPLOAD_TTL_MS,
    check: null,
    commitReport: null,
    jobId: null,
  };
  sweepExpiredUploads(now);
  uploads().set(upload.id, upload);
  return { ok: true, upload };
}
