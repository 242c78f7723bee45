/**
 * What GET /imports/jobs/:id answers: how far a check or commit has got. The job runner
 * (jobs.server.ts) makes it and the progress bar reads it.
 */
export interface JobStatus {
  id: string;
  action: "check" | "commit";
  state: "running" | "done" | "failed";
  bytesRead: number;
  totalBytes: number;
  rows: number;
  /** Where the page goes when the job has ended (the preview, or the stored batch). */
  redirectTo: string | null;
  /** Why a failed job failed, in the user's words (and language). */
  message: string | null;
}
