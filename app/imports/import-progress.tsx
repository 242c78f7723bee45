import { useCallback, useEffect, useRef, useState } from "react";
import { useI18n, type MessageKey } from "~/i18n/i18n";
import { formatSize } from "~/imports/messages";
import type { JobStatus } from "./job-status";

const ACTION_LABELS: Record<JobStatus["action"], MessageKey> = {
  check: "imports.progress.check",
  commit: "imports.progress.commit",
};

type Problem = { kind: "server"; status: number } | { kind: "offline" };

/**
 * Polls an import job and shows its progress: a <progress> bar of the bytes read with the
 * same in words (bytes and rows). When the job ends it calls onFinished (by default, goes
 * to the page the job names). A failing answer or a lost connection stops the polling
 * with a message that says what happened and a button to try again.
 */
export function ImportJobProgress({
  jobId,
  pollMs = 500,
  onFinished = (status) => {
    if (status.redirectTo) window.location.assign(status.redirectTo);
  },
}: {
  jobId: string;
  pollMs?: number;
  onFinished?: (status: JobStatus) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let next: JobStatus;
      try {
        const response = await fetch(
          new URL(`/imports/jobs/${encodeURIComponent(jobId)}`, window.location.href),
          {
            headers: { Accept: "application/json" },
            credentials: "same-origin",
            cache: "no-store",
          },
        );
        if (!response.ok) {
          if (!stopped) setProblem({ kind: "server", status: response.status });
          return;
        }
        next = (await response.json()) as JobStatus;
      } catch {
        if (!stopped) setProblem({ kind: "offline" });
        return;
      }
      if (stopped) return;
      setProblem(null);
      setStatus(next);
      if (next.state === "running") timer = setTimeout(() => void poll(), pollMs);
      else if (next.state === "done") finished.current(next);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, pollMs, attempt]);

  const retry = useCallback(() => {
    setProblem(null);
    setAttempt((n) => n + 1);
  }, []);

  const label = t(status ? ACTION_LABELS[status.action] : "imports.progress.working");
  const total = status?.totalBytes ?? 0;
  const read = status?.bytesRead ?? 0;
  return (
    <div className="import-progress" aria-live="polite">
      <p className="import-progress-label" id={`job-${jobId}-label`}>
        {status?.state === "done" ? t("imports.progress.done") : label}
      </p>
      <progress
        aria-labelledby={`job-${jobId}-label`}
        max={total > 0 ? total : 1}
        value={total > 0 ? read : status?.state === "done" ? 1 : 0}
      />
      <p className="import-progress-text">
        {status
          ? t(status.rows === 1 ? "imports.progress.readOne" : "imports.progress.read", {
              read: formatSize(i18n, read),
              total: formatSize(i18n, total),
              rows: status.rows,
            })
          : t("imports.progress.waiting")}
      </p>
      {status?.state === "failed" ? (
        <div className="import-problem" role="alert">
          <p>{status.message ?? t("imports.progress.failed")}</p>
          {status.redirectTo ? (
            <a href={status.redirectTo}>{t("imports.progress.backToPreview")}</a>
          ) : null}
        </div>
      ) : null}
      {problem ? (
        <div className="import-problem" role="alert">
          <p>
            {problem.kind === "offline"
              ? t("imports.progress.offline")
              : t("imports.progress.serverError", { status: String(problem.status) })}
          </p>
          <button type="button" className="button button-secondary" onClick={retry}>
            {t("imports.progress.retry")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
