import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createEngine, type EngineConfigInput } from '../src/index.js';
import type { Report } from '@modelgate/plugin-api';
import type { ScanEvent } from '../src/events.js';

/** Absolute path of a test plugin under test/fixtures/plugins. */
export const testPlugin = (name: string): string => new URL(`./fixtures/plugins/${name}.mjs`, import.meta.url).pathname;

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modelgate-core-'));
  made.push(dir);
  return dir;
}

/** Scans with a fresh engine and closes it; returns the report and every event. */
export async function scanWith(targets: string[], config: EngineConfigInput): Promise<{ report: Report; events: ScanEvent[] }> {
  const engine = await createEngine(config);
  try {
    const run = engine.scan(targets);
    const events: ScanEvent[] = [];
    for await (const event of run) events.push(event);
    return { report: await run.report, events };
  } finally {
    await engine.close();
  }
}

/** The report without what legitimately differs between runs (timings). */
export function stable(report: Report): Report {
  return { ...report, run: { ...report.run, startedAt: '', durationMs: 0 } };
}
