import { defineConfig } from 'vitest/config';

// scripts/test.mjs sets this: a test process that dies of a Node fatal error leaves a report there.
const reportDir = process.env.MODELGATE_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'plugins/*/test/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'tests/*/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    execArgv: reportDir ? ['--report-on-fatalerror', `--report-directory=${reportDir}`] : [],
  },
});
