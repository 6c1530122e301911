/** Error a read throws once a file's soft deadline has passed or the scan was cancelled. */
export class ScanAbortedError extends Error {
  constructor(readonly reason: 'timeout' | 'cancelled') {
    super(reason === 'timeout' ? 'soft timeout reached' : 'scan cancelled');
    this.name = 'ScanAbortedError';
  }
}

/**
 * The soft deadline of one file's scan: an AbortSignal for scanners that listen, a check run
 * before every read for those that only read, and a promise for racing scanners that never return.
 */
export class ScanDeadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  readonly expired: Promise<void>;
  private reason: 'timeout' | 'cancelled' | undefined;

  private readonly onCancel = () => this.abort('cancelled');

  constructor(
    private readonly deadline: number,
    private readonly cancel?: AbortSignal,
  ) {
    this.expired = new Promise((resolve) => this.controller.signal.addEventListener('abort', () => resolve(), { once: true }));
    this.timer = setTimeout(() => this.abort('timeout'), Math.max(0, deadline - Date.now()));
    this.timer.unref?.();
    if (cancel?.aborted) this.abort('cancelled');
    cancel?.addEventListener('abort', this.onCancel, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why it fired, or undefined while time remains. */
  get firedReason(): 'timeout' | 'cancelled' | undefined {
    if (!this.reason && Date.now() > this.deadline) this.abort('timeout');
    return this.reason;
  }

  /** Throws {@link ScanAbortedError} once the deadline passed; called before every read. */
  check(): void {
    const reason = this.firedReason;
    if (reason) throw new ScanAbortedError(reason);
  }

  private abort(reason: 'timeout' | 'cancelled'): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller.abort(new ScanAbortedError(reason));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.cancel?.removeEventListener('abort', this.onCancel);
  }
}
