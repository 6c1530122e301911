// Preloaded into the measured CLI (`node --import bench/exit-stats.mjs apps/cli/dist/bin.js ...`).
// At exit the main thread copies its own /proc/self/status and /proc/self/io into the file named by
// MODELGATE_BENCH_STATS, with the process's CPU time. This catches the final values that 20 ms polling from outside can miss
// (the child is reaped, and its /proc entry gone, before the parent sees 'exit').
// /proc/self/io and VmHWM are per process, so worker threads are included.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.MODELGATE_BENCH_STATS;
if (isMainThread && out) {
  process.on('exit', () => {
    try {
      writeFileSync(out, JSON.stringify({
        status: readFileSync('/proc/self/status', 'utf8'),
        io: readFileSync('/proc/self/io', 'utf8'),
        cpu: process.cpuUsage(), // getrusage(RUSAGE_SELF): all threads, microseconds
      }));
    } catch {
      // best effort: the poller's numbers are used instead
    }
  });
}
