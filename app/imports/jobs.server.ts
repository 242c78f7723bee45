import crypto from "node:crypto";
import {
  ImportFileError,
  messageNaming,
  type ReadProgress,
} from "../../db/import/read/file-record";
import { previewImportFile } from "../../db/import/preview.server";
import { runImport, type ImportOptions } from "../../db/import/run-import.server";
import { recordAudit } from "../../db/queries/audit.server";
import { getDb } from "../../db/runtime.server";
import type { JobStatus } from "./job-status";
import type { I18n } from "~/i18n/i18n";
import { appCookie } from "../utils/cookies.server";
import { getSettings } from "../../db/settings.server";
import { importMessage, type ImportMessage } from "./messages";
import { auditOutOfScope, discardUpload, type StoredUpload } from "./uploads.server";
import { departmentScope, type SessionUser } from "../utils/permissions.server";
import { singleton } from "../../db/singleton.server";

/**
 * Checking (a dry run) and committing an upload run as jobs in this server process, so
 * that a long file's progress (bytes read of the total, rows) can be polled while it
 * runs. A job belongs to the user who started it; it is forgotten JOB_TTL_MS after it
 * ends.
 */

const JOB_TTL_MS = 15 * 60 * 1000;
/** The engine's reason for a row of a department the steward does not look after. */
const OUT_OF_SCOPE_REASON = "belongs to a department you do not look after";

interface ImportJob {
  id: string;
  userId: number;
  /** SHA-256 of the session that started it: see ownsRunningJob. */
  sessionDigest: Buffer;
  action: "check" | "commit";
  uploadId: string;
  state: "running" | "done" | "failed";
  bytesRead: number;
  totalBytes: number;
  rows: number;
  redirectTo: string | null;
  /** Why it failed, said in the language of whoever asks (see jobStatus). */
  message: ImportMessage | null;
  finishedAt: number | null;
  done: Promise<void>;
}

const jobs = () => singleton("import-jobs", () => new Map<string, ImportJob>());

function sweepFinishedJobs(now = Date.now()): void {
  for (const [id, job] of jobs()) {
    if (job.finishedAt !== null && now - job.finishedAt > JOB_TTL_MS) jobs().delete(id);
  }
}

const digest = (value: string) => crypto.createHash("sha256").update(value).digest();

/** A job by id, for its owner only: anyone else's or an unknown one is undefined. */
export function findJob(id: string, userId: number): ImportJob | undefined {
  sweepFinishedJobs();
  const job = jobs().get(id);
  return job && job.userId === userId ? job : undefined;
}

/**
 * Whether the request comes from the very session that started a running job. While an
 * import runs, the embedded database (PGlite) serves one transaction at a time, so the
 * poll cannot look its session up there: it is recognised by its signed session cookie,
 * which the server checked against the database when the job started.
 */
export async function ownsRunningJob(request: Request, id: string): Promise<ImportJob | undefined> {
  const job = jobs().get(id);
  if (!job || job.state !== "running") return undefined;
  // The session cookie of app/utils/session.server.ts.
  const session: unknown = await appCookie(request, "mingjing_session").parse(
    request.headers.get("Cookie"),
  );
  if (typeof session !== "string" || session === "") return undefined;
  return crypto.timingSafeEqual(digest(session), job.sessionDigest) ? job : undefined;
}

/** What the job's owner is told of it, in the request's language. */
export function jobStatus(job: ImportJob, i18n: I18n): JobStatus {
  return {
    id: job.id,
    action: job.action,
    state: job.state,
    bytesRead: job.bytesRead,
    totalBytes: job.totalBytes,
    rows: job.rows,
    redirectTo: job.redirectTo,
    message: job.message && importMessage(i18n, job.message),
  };
}

type Work = (onProgress: (progress: ReadProgress) => void) => Promise<string>;

function startJob(
  user: SessionUser,
  action: ImportJob["action"],
  upload: StoredUpload,
  work: Work,
  failureMessage: (error: Error) => ImportMessage,
): ImportJob {
  sweepFinishedJobs();
  const job: ImportJob = {
    id: crypto.randomBytes(18).toString("base64url"),
    userId: user.id,
    sessionDigest: digest(user.sessionId),
    action,
    uploadId: upload.id,
    state: "running",
    bytesRead: 0,
    totalBytes: upload.bytes,
    rows: 0,
    redirectTo: null,
    message: null,
    finishedAt: null,
    done: Promise.resolve(),
  };
  upload.jobId = job.id;
  jobs().set(job.id, job);
  const onProgress = (progress: ReadProgress) => {
    job.bytesRead = Math.min(progress.bytes, job.totalBytes);
    job.rows = progress.records;
  };
  const finish = () => {
    job.finishedAt = Date.now();
    upload.jobId = null;
  };
  job.done = work(onProgress).then(
    (redirectTo) => {
      job.state = "done";
      job.bytesRead = job.totalBytes;
      job.redirectTo = redirectTo;
      finish();
    },
    (error: unknown) => {
      job.state = "failed";
      job.message = failureMessage(error instanceof Error ? error : new Error(String(error)));
      job.redirectTo = `/imports/uploads/${upload.id}`;
      finish();
    },
  );
  return job;
}

function readOptions(upload: StoredUpload): Pick<ImportOptions, "encoding" | "sheet"> {
  return {
    encoding: upload.options.encoding === "auto" ? undefined : upload.options.encoding,
    sheet: upload.options.sheet,
  };
}

function importOptions(
  upload: StoredUpload,
  user: SessionUser,
  ip: string | null,
  onProgress: (progress: ReadProgress) => void,
): ImportOptions {
  const settings = getSettings();
  return {
    kind: upload.options.kind,
    filePath: upload.filePath,
    fileName: upload.fileName,
    ...readOptions(upload),
    skipInvalid: upload.options.skipInvalid,
    actor: { id: user.id, name: user.username, ip },
    scope: departmentScope(user),
    timeZone: settings.timeZone,
    piiKey: settings.piiKey,
    onProgress,
  };
}

/**
 * An error's message as the person may see it: naming the upload by its own name, never the
 * temporary file it is stored in (the readers do so; fs and the database may not).
 */
function uploadMessage(upload: StoredUpload, error: unknown): string {
  return messageNaming(error, upload.filePath, upload.fileName);
}

/** A file the readers cannot read as asked: the person can fix it (another sheet, encoding…). */
function isReadError(error: unknown): error is Error {
  return error instanceof ImportFileError || error instanceof RangeError;
}

/**
 * Checks an upload: the preview (how it reads, its columns, first rows) and a dry run of
 * the import for every error. Ends at the preview page.
 */
export function startCheck(upload: StoredUpload, user: SessionUser, ip: string | null): ImportJob {
  return startJob(
    user,
    "check",
    upload,
    async (onProgress) => {
      try {
        const preview = await previewImportFile(upload.filePath, {
          kind: upload.options.kind,
          fileName: upload.fileName,
          ...readOptions(upload),
        });
        const report = await runImport(getDb(), {
          ...importOptions(upload, user, ip, onProgress),
          dryRun: true,
        });
        onProgress({ bytes: upload.bytes, records: report.rowsTotal });
        upload.check = { preview, report, failure: null };
        const outOfScope = report.errors.filter(
          (error) => error.reason === OUT_OF_SCOPE_REASON,
        ).length;
        if (outOfScope > 0) await auditOutOfScope(user, ip, upload, outOfScope);
      } catch (error) {
        const message = uploadMessage(upload, error);
        if (!isReadError(error)) {
          // The preview says so too, for a browser that waited without JavaScript.
          upload.check = {
            preview: null,
            report: null,
            failure: { during: "check", reason: message },
          };
          throw error;
        }
        upload.check = {
          preview: null,
          report: null,
          failure: { during: "read", reason: message },
        };
        await recordAudit(getDb(), {
          actorId: user.id,
          actorName: user.username,
          action: "import.upload_refuse",
          objectKind: "import_file",
          objectId: upload.fileName,
          after: { reason: "unreadable", kind: upload.options.kind, message },
          ip,
        });
      }
      return `/imports/uploads/${upload.id}`;
    },
    (error) => ({
      key: "imports.job.checkFailed",
      vars: { message: uploadMessage(upload, error) },
    }),
  );
}

/**
 * Commits an upload. A stored batch ends at its page and the upload is discarded; a file
 * the engine refuses goes back to the preview with the commit's report.
 */
export function startCommit(
  upload: StoredUpload,
  user: SessionUser,
  ip: string | null,
  skipInvalid: boolean,
): ImportJob {
  upload.options.skipInvalid = skipInvalid;
  return startJob(
    user,
    "commit",
    upload,
    async (onProgress) => {
      try {
        const report = await runImport(getDb(), importOptions(upload, user, ip, onProgress));
        onProgress({ bytes: upload.bytes, records: report.rowsTotal });
        if (report.outcome === "committed" || report.outcome === "unchanged") {
          discardUpload(upload.id);
          return `/imports/${report.batchId}${report.outcome === "unchanged" ? "?unchanged=1" : ""}`;
        }
        upload.commitReport = report;
        return `/imports/uploads/${upload.id}?commit=refused`;
      } catch (error) {
        await recordAudit(getDb(), {
          actorId: user.id,
          actorName: user.username,
          action: "import.fail",
          objectKind: "import_file",
          objectId: upload.fileName,
          after: { kind: upload.options.kind, message: uploadMessage(upload, error) },
          ip,
        }).catch(() => undefined);
        throw error;
      }
    },
    (error) => ({
      key: "imports.job.importFailed",
      vars: { message: uploadMessage(upload, error) },
    }),
  );
}

/** The job running for an upload now, if any (a second click finds the first one). */
export function runningJobOf(upload: StoredUpload): ImportJob | undefined {
  return upload.jobId ? jobs().get(upload.jobId) : undefined;
}
