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
 * The signal, its timer and the promise are made on first use: most files are sniffed and hashed
 * without any scanner, and need only the check.
 */
export class ScanDeadline {
  private controller: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  private expiredPromise: Promise<void> | undefined;
  private reason: 'timeout' | 'cancelled' | undefined;

  private readonly onCancel = () => this.abort('cancelled');

  constructor(
    private readonly deadline: number,
    private readonly cancel?: AbortSignal,
  ) {}

  /** Aborts when the deadline passes or the scan is cancelled. */
  get signal(): AbortSignal {
    return this.armed().signal;
  }

  /** Settles when {@link signal} aborts. */
  get expired(): Promise<void> {
    this.expiredPromise ??= new Promise((resolve) => {
      const signal = this.armed().signal;
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    return this.expiredPromise;
  }

  /** Why it fired, or undefined while time remains. */
  get firedReason(): 'timeout' | 'cancelled' | undefined {
    if (!this.reason) {
      if (this.cancel?.aborted) this.abort('cancelled');
      else if (Date.now() > this.deadline) this.abort('timeout');
    }
    return this.reason;
  }

  /** Throws {@link ScanAbortedError} once the deadline passed; called before every read. */
  check(): void {
    const reason = this.firedReason;
    if (reason) throw new ScanAbortedError(reason);
  }

  private armed(): AbortController {
    if (this.controller) return this.controller;
    this.controller = new AbortController();
    if (this.firedReason) {
      this.controller.abort(new ScanAbortedError(this.reason!));
    } else {
      this.timer = setTimeout(() => this.abort('timeout'), Math.max(0, this.deadline - Date.now()));
      this.timer.unref?.();
      this.cancel?.addEventListener('abort', this.onCancel, { once: true });
    }
    return this.controller;
  }

  private abort(reason: 'timeout' | 'cancelled'): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller?.abort(new ScanAbortedError(reason));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.cancel?.removeEventListener('abort', this.onCancel);
  }
}
