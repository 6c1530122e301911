#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A scan is a short process whose hot functions (per-file scanning, sniffing, the report) run for
// well under a second, in the main thread and in every worker. At V8's default tier-up budget each
// thread has TurboFan compile them all, ~0.3 s of CPU a short scan never earns back. Sixteen times
// the budget still optimizes what stays hot (the pickle machine's loop runs as fast), and scans run
// 4 % (4 GB model) to 20 % (3000 small files) faster: see BENCHMARKS.md. V8 flags are process-wide,
// so the workers started later have it too; it is set before the rest of the CLI is loaded. It was
// measured with Node 20's V8 (11.x) only: others keep their defaults (and may not know the flag).
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=1081344');

const { run } = await import('./program.js');
process.exitCode = await run(process.argv);
