import { useCallback, useEffect, useRef, useState } from "react";

/** What GET /imports/jobs/:id answers: how far a check or commit has got. */
export interface JobStatus {
  id: string;
  action: "check" | "commit";
  state: "running" | "done" | "failed";
  bytesRead: number;
  totalBytes: number;
  rows: number;
  /** Where the page goes when the job has ended (the preview, or the stored batch). */
  redirectTo: string | null;
  /** Why a failed job failed, in the user's words. */
  message: string | null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const ACTION_LABELS: Record<JobStatus["action"], string> = {
  check: "正在检查文件 Checking the file",
  commit: "正在导入 Importing",
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

  const label = status ? ACTION_LABELS[status.action] : "正在处理 Working";
  const total = status?.totalBytes ?? 0;
  const read = status?.bytesRead ?? 0;
  return (
    <div className="import-progress" aria-live="polite">
      <p className="import-progress-label" id={`job-${jobId}-label`}>
        {status?.state === "done" ? "完成 Done" : label}
      </p>
      <progress
        aria-labelledby={`job-${jobId}-label`}
        max={total > 0 ? total : 1}
        value={total > 0 ? read : status?.state === "done" ? 1 : 0}
      />
      <p className="import-progress-text">
        {status
          ? `已读取 Read ${formatSize(read)} / ${formatSize(total)} · ${status.rows.toLocaleString("en")} 行 rows`
          : "等待服务器 Waiting for the server…"}
      </p>
      {status?.state === "failed" ? (
        <div className="import-problem" role="alert">
          <p>{status.message ?? "失败 It failed."}</p>
          {status.redirectTo ? <a href={status.redirectTo}>返回预览 Back to the preview</a> : null}
        </div>
      ) : null}
      {problem ? (
        <div className="import-problem" role="alert">
          <p>
            {problem.kind === "offline"
              ? "无法连接服务器，请检查网络连接。Cannot reach the server: check your connection. The import may still be running on the server."
              : `服务器出错 (${problem.status})，进度暂时无法显示。The server answered with an error (${problem.status}); progress cannot be shown just now.`}
          </p>
          <button type="button" className="button button-secondary" onClick={retry}>
            重试 Try again
          </button>
        </div>
      ) : null}
    </div>
  );
}
