import { describe, expect, it, vi } from 'vitest';
import { DEADLINE_POLL_MS } from '../src/deadline-watch.js';
import { ScanAbortedError, ScanDeadline } from '../src/scan-deadline.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 3 * DEADLINE_POLL_MS));

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

  it('settles its promise soon after the scan is cancelled, though no one asked for its signal', async () => {
    const cancel = new AbortController();
    const deadline = new ScanDeadline(Date.now() + 60_000, cancel.signal);
    const expired = deadline.expired;
    setTimeout(() => cancel.abort(), 10);
    await expired;
    expect(deadline.firedReason).toBe('cancelled');
    deadline.dispose();
  });

  it('watches any number of armed deadlines with one timer, stopped once none is armed', async () => {
    await tick(); // the watch of earlier tests stops
    const started = vi.spyOn(globalThis, 'setInterval');
    const stopped = vi.spyOn(globalThis, 'clearInterval');
    try {
      const deadlines = Array.from({ length: 500 }, () => new ScanDeadline(Date.now() + 60_000));
      for (const deadline of deadlines) void deadline.expired;
      void deadlines[0]!.signal;
      expect(started).toHaveBeenCalledTimes(1);
      for (const deadline of deadlines) deadline.dispose();
      await tick();
      expect(stopped).toHaveBeenCalledTimes(1);
      const next = new ScanDeadline(Date.now() + 60_000);
      void next.expired;
      expect(started).toHaveBeenCalledTimes(2);
      next.dispose();
    } finally {
      started.mockRestore();
      stopped.mockRestore();
    }
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
