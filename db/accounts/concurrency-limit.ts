/** Thrown when a limit's queue is full: the caller should answer 429 with Retry-After. */
export class BusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many tasks waiting: retry in ${retryAfterSeconds} s`);
  }
}

/**
 * A semaphore with a bounded queue: at most `concurrency` tasks run at once, up to
 * `maxQueued` more wait their turn in order, and beyond that a task is refused at once
 * (BusyError) rather than piling up memory and latency without bound.
 */
export class ConcurrencyLimit {
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(
    readonly options: { concurrency: number; maxQueued: number; retryAfterSeconds: number },
  ) {}

  get running(): number {
    return this.#running;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  /**
   * Runs the task when a slot is free. `mayRefuse: false` waits whatever the queue's
   * length, for callers that are few and trusted (an admin setting a password).
   */
  async run<T>(task: () => Promise<T>, options: { mayRefuse?: boolean } = {}): Promise<T> {
    if (this.#running >= this.options.concurrency) {
      if ((options.mayRefuse ?? true) && this.#waiting.length >= this.options.maxQueued)
        throw new BusyError(this.options.retryAfterSeconds);
      // The slot is handed over by the finishing task, so #running never dips in between.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
