/** How often the armed deadlines of a thread are checked. */
export const DEADLINE_POLL_MS = 20;

/** Something that checks its own deadline when polled. */
export interface Polled {
  poll(): void;
}

const armed = new Set<Polled>();
let timer: NodeJS.Timeout | undefined;

/**
 * Polls `item` every {@link DEADLINE_POLL_MS} until {@link unwatch}. One interval timer serves
 * every armed deadline of the thread: a timer, an AbortController and a listener per scanned file
 * cost more than the scan of a small file (see BENCHMARKS.md). The timer does not keep the
 * process alive, and stops at the first tick that finds nothing to poll.
 */
export function watch(item: Polled): void {
  armed.add(item);
  if (timer) return;
  timer = setInterval(pollAll, DEADLINE_POLL_MS);
  timer.unref?.();
}

export function unwatch(item: Polled): void {
  armed.delete(item);
}

function pollAll(): void {
  if (armed.size === 0) {
    clearInterval(timer);
    timer = undefined;
    return;
  }
  for (const item of armed) item.poll();
}
