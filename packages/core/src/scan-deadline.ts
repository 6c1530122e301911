import { unwatch, watch, type Polled } from './deadline-watch.js';

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
 * The signal and the promise are made on first use, and only then is the deadline watched (polled
 * with the thread's other deadlines, so they fire up to one poll interval late: see
 * deadline-watch.ts). Most files are sniffed and hashed without any scanner, and need only the
 * check.
 */
export class ScanDeadline implements Polled {
  private controller: AbortController | undefined;
  private expiredPromise: Promise<void> | undefined;
  private settleExpired: (() => void) | undefined;
  private reason: 'timeout' | 'cancelled' | undefined;

  private readonly onCancel = () => this.abort('cancelled');

  constructor(
    private readonly deadline: number,
    private readonly cancel?: AbortSignal,
  ) {}

  /** Aborts when the deadline passes or, at once, when the scan is cancelled. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.firedReason) {
        this.controller.abort(new ScanAbortedError(this.reason!));
      } else {
        this.cancel?.addEventListener('abort', this.onCancel, { once: true });
        watch(this);
      }
    }
    return this.controller.signal;
  }

  /** Settles when the deadline passes or the scan is cancelled. */
  get expired(): Promise<void> {
    if (!this.expiredPromise) {
      this.expiredPromise = new Promise((resolve) => (this.settleExpired = resolve));
      if (this.firedReason) this.settleExpired!();
      else watch(this);
    }
    return this.expiredPromise;
  }

  /** Why it fired, or undefined while time remains. */
  get firedReason(): 'timeout' | 'cancelled' | undefined {
    this.poll();
    return this.reason;
  }

  /** Throws {@link ScanAbortedError} once the deadline passed; called before every read. */
  check(): void {
    const reason = this.firedReason;
    if (reason) throw new ScanAbortedError(reason);
  }

  /** Fires once the time is up or the scan is cancelled (the watch calls it, as do the checks). */
  poll(): void {
    if (this.reason) return;
    if (this.cancel?.aborted) this.abort('cancelled');
    else if (Date.now() > this.deadline) this.abort('timeout');
  }

  private abort(reason: 'timeout' | 'cancelled'): void {
    if (this.reason) return;
    this.reason = reason;
    unwatch(this);
    this.controller?.abort(new ScanAbortedError(reason));
    this.settleExpired?.();
  }

  dispose(): void {
    unwatch(this);
    this.cancel?.removeEventListener('abort', this.onCancel);
  }
}
