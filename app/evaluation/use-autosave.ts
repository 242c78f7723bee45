import { useCallback, useEffect, useRef, useState } from "react";

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  /** The request failed (no connection, a server error): the page keeps the values and tries again. */
  | { kind: "retrying" }
  /** The session ended: the page keeps the values and tries again, once the evaluator signed in. */
  | { kind: "signIn" }
  /** The server refused what was sent (a locked assessment, a bad value): no retry. */
  | { kind: "refused"; message: string };

export interface AutosaveOptions {
  /** Quiet time after the last keystroke before a save. */
  delayMs?: number;
  /** Wait before the first retry; doubled after each failure, at most `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

function firstMessage(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("errors" in body)) return null;
  const errors = (body as { errors: Record<string, unknown> }).errors;
  const first = Object.values(errors ?? {}).find((value) => typeof value === "string");
  return typeof first === "string" ? first : null;
}

/**
 * Saves a form's fields as a draft a moment after the evaluator stops typing (POST of
 * the form's data to `url`, answered with JSON `{ savedAt }`). A failed save never
 * touches the fields; it is tried again with a growing pause, and a save asked for
 * while one is under way follows it, so the last state typed is the one stored.
 */
export function useAutosave(
  url: string,
  form: { current: HTMLFormElement | null },
  { delayMs = 1500, retryMs = 3000, maxRetryMs = 60_000 }: AutosaveOptions = {},
) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  const failures = useRef(0);
  const saveRef = useRef<() => Promise<void>>(async () => {});

  const schedule = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  saveRef.current = async () => {
    const element = form.current;
    if (!element) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    again.current = false;
    const body = new FormData(element);
    body.delete("intent");
    setStatus({ kind: "saving" });
    let next: AutosaveStatus;
    try {
      const response = await fetch(url, {
        method: "POST",
        body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        redirect: "manual",
      });
      const redirected =
        response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
      if (redirected || response.status === 401) {
        next = { kind: "signIn" };
      } else if (response.status >= 500) {
        next = { kind: "retrying" };
      } else {
        const answer: unknown = await response.json().catch(() => null);
        const savedAt =
          typeof answer === "object" && answer !== null && "savedAt" in answer
            ? String((answer as { savedAt: unknown }).savedAt)
            : null;
        if (response.ok && savedAt) next = { kind: "saved", at: savedAt };
        else next = { kind: "refused", message: firstMessage(answer) ?? String(response.status) };
      }
    } catch {
      next = { kind: "retrying" };
    }
    inFlight.current = false;
    setStatus(next);
    if (next.kind === "retrying" || next.kind === "signIn") {
      const pause = Math.min(retryMs * 2 ** failures.current, maxRetryMs);
      failures.current += 1;
      schedule(again.current ? delayMs : pause);
    } else {
      failures.current = 0;
      if (again.current) schedule(delayMs);
    }
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  /** The form changed: save once the typing pauses. */
  const changed = useCallback(() => schedule(delayMs), [schedule, delayMs]);
  /** The form is being sent by its own buttons: no autosave is due. */
  const cancel = useCallback(() => clearTimeout(timer.current), []);
  return { status, changed, cancel };
}
