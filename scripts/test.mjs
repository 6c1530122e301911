#!/usr/bin/env node
// Builds every package, runs the whole vitest suite, and prints the closing line
// "N passed, N failed" from vitest's JSON results (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

if (run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const outDir = join(root, '.vitest');
mkdirSync(outDir, { recursive: true });
const results = join(outDir, 'results.json');
rmSync(results, { force: true });
const status = run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)]);
if (!existsSync(results)) {
  console.log('0 passed, 1 failed');
  process.exit(status || 1);
}
const summary = JSON.parse(readFileSync(results, 'utf8'));
// A test file that fails to load has no failed tests of its own: count it as one failure.
const brokenFiles = (summary.testResults ?? []).filter((r) => r.status === 'failed' && !r.assertionResults?.some((a) => a.status === 'failed')).length;
const failed = summary.numFailedTests + brokenFiles;
const skipped = summary.numPendingTests + (summary.numTodoTests ?? 0);
console.log(`${summary.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (status === 0 && summary.numPassedTests === 0) process.exit(1);
process.exit(status);
