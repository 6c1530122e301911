import { describe, expect, it } from 'vitest';
import { ScanAbortedError, ScanDeadline } from '../src/scan-deadline.js';

describe('ScanDeadline', () => {
  it('fires on cancellation even when no one asked for its signal', () => {
    const cancel = new AbortController();
    const deadline = new ScanDeadline(Date.now() + 60_000, cancel.signal);
    expect(deadline.firedReason).toBeUndefined();
    cancel.abort();
    expect(() => deadline.check()).toThrow(new ScanAbortedError('cancelled'));
    deadline.dispose();
  });

  it('gives an already aborted signal once the deadline has passed', () => {
    const deadline = new ScanDeadline(Date.now() - 1);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toEqual(new ScanAbortedError('timeout'));
    deadline.dispose();
  });

  it('aborts its signal and settles its promise when the time is up', async () => {
    const deadline = new ScanDeadline(Date.now() + 50);
    const signal = deadline.signal;
    expect(signal.aborted).toBe(false);
    await deadline.expired;
    expect(signal.aborted).toBe(true);
    expect(deadline.firedReason).toBe('timeout');
    deadline.dispose();
  });

  it('aborts its signal when the scan is cancelled', () => {
    const cancel = new AbortController();
    const deadline = new ScanDeadline(Date.now() + 60_000, cancel.signal);
    const signal = deadline.signal;
    cancel.abort();
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toEqual(new ScanAbortedError('cancelled'));
    deadline.dispose();
  });
});
