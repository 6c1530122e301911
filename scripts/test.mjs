#!/usr/bin/env node
// Builds every package, runs the whole vitest suite, and prints the closing line
// "N passed, N failed" from vitest's JSON results (CI reads that line).
//
// A test file whose test process dies (a native crash, not a failed assertion) has no result of
// its own. Such files are listed, with any Node fatal-error report, and run once more on their
// own; the closing line says so. A file that fails again, or any failed assertion, fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, '.vitest');
const reportDir = join(outDir, 'fatal-reports');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', MODELGATE_TEST_REPORT_DIR: reportDir };
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

if (run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
rmSync(reportDir, { recursive: true, force: true });

/** Runs vitest with a JSON report; returns its exit status and the parsed report, if written. */
function vitest(name, args) {
  const results = join(outDir, `${name}.json`);
  rmSync(results, { force: true });
  const status = run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...args]);
  return { status, summary: existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : undefined };
}

/**
 * Test files that did not finish: a test still "pending" (vitest's JSON status for a test that was
 * queued or running and never got a result), or a failed file without a failed test (it did not load).
 */
function unfinishedFiles(summary) {
  return (summary.testResults ?? [])
    .filter((file) => {
      const tests = file.assertionResults ?? [];
      if (tests.some((test) => test.status === 'pending')) return true;
      return file.status === 'failed' && !tests.some((test) => test.status === 'failed');
    })
    .map((file) => relative(root, file.name));
}

/** Prints the gist of each Node fatal-error report a crashed test process left behind, once. */
function printFatalReports() {
  if (!existsSync(reportDir)) return;
  for (const name of readdirSync(reportDir)) {
    try {
      const report = JSON.parse(readFileSync(join(reportDir, name), 'utf8'));
      console.log(`fatal-error report ${name}: ${report.header?.event} (${report.header?.trigger})`);
      for (const line of (report.javascriptStack?.stack ?? []).slice(0, 8)) console.log(`  js: ${line}`);
      for (const frame of (report.nativeStack ?? []).slice(0, 12)) console.log(`  native: ${frame.symbol}`);
    } catch (error) {
      console.log(`fatal-error report ${name}: unreadable (${error.message})`);
    }
    rmSync(join(reportDir, name), { force: true });
  }
}

const first = vitest('results', process.argv.slice(2));
if (!first.summary) {
  console.log('0 passed, 1 failed');
  process.exit(first.status || 1);
}
const summary = first.summary;
let passed = summary.numPassedTests;
let failed = summary.numFailedTests;
let status = first.status;
let note = '';
const unfinished = unfinishedFiles(summary);
if (unfinished.length > 0) {
  console.log(`\nThese test files did not finish (their test process died or they failed to load):\n  ${unfinished.join('\n  ')}`);
  printFatalReports();
  const failedAssertions = failed > 0;
  console.log('Running them once more on their own:');
  const again = vitest('results-rerun', unfinished);
  const stillUnfinished = again.summary ? unfinishedFiles(again.summary) : unfinished;
  printFatalReports();
  // Tests of an unfinished file that passed before its process died are counted by the rerun.
  const passedBefore = (summary.testResults ?? [])
    .filter((file) => unfinished.includes(relative(root, file.name)))
    .reduce((sum, file) => sum + file.assertionResults.filter((test) => test.status === 'passed').length, 0);
  passed += (again.summary?.numPassedTests ?? 0) - passedBefore;
  failed += (again.summary?.numFailedTests ?? 0) + stillUnfinished.length;
  status = failedAssertions || again.status !== 0 || stillUnfinished.length > 0 ? 1 : 0;
  note = ` (${unfinished.length} test file${unfinished.length === 1 ? '' : 's'} rerun after an unfinished first run: ${unfinished.join(', ')})`;
}
if (status !== 0 && failed === 0 && unfinished.length === 0) {
  failed = 1;
  note = ' (vitest reported an error outside any test: see above)';
}
const skipped = (summary.testResults ?? [])
  .filter((file) => !unfinished.includes(relative(root, file.name)))
  .reduce((sum, file) => sum + file.assertionResults.filter((test) => test.status === 'skipped' || test.status === 'todo').length, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${note}`);
if (status === 0 && passed === 0) process.exit(1);
process.exit(status);
