import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index.js';
import { stable, tempDir, testPlugin } from './helpers.js';

const marker = testPlugin('marker');

/** OS threads of this process (worker threads are OS threads), and its active handles by kind. */
function resources(): { threads: number; handles: Record<string, number> } {
  const handles: Record<string, number> = {};
  const active = (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles();
  for (const handle of active) handles[handle.constructor.name] = (handles[handle.constructor.name] ?? 0) + 1;
  return { threads: readdirSync('/proc/self/task').length, handles };
}

describe('embedding', () => {
  it('runs two engines with different configs side by side without interference', async () => {
    const root = tempDir();
    for (let i = 0; i < 40; i++) writeFileSync(join(root, `f${i}.bin`), i % 2 ? `MARK ${i}` : `data ${i}`);
    const strict = await createEngine({ plugins: [marker], concurrency: 2 });
    const lenient = await createEngine({ plugins: [marker], concurrency: 1, rules: { 'marker/found': 'low' }, hash: false });
    try {
      const [a, b] = await Promise.all([strict.scan([root]).report, lenient.scan([root]).report]);
      expect(a.findings).toHaveLength(20);
      expect(new Set(a.findings.map((f) => f.severity))).toEqual(new Set(['high']));
      expect(new Set(b.findings.map((f) => f.severity))).toEqual(new Set(['low']));
      expect(a.files.every((f) => f.sha256)).toBe(true);
      expect(b.files.some((f) => f.sha256)).toBe(false);
      // and an engine scans many times, each run on its own
      const again = await strict.scan([root]).report;
      expect(JSON.stringify(stable(again))).toBe(JSON.stringify(stable(a)));
    } finally {
      await Promise.all([strict.close(), lenient.close()]);
    }
  });

  it('leaves no worker threads or handles behind once closed', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.bin'), 'MARK');
    const before = resources();
    const engine = await createEngine({ plugins: [marker], concurrency: 2 });
    await engine.scan([root]).report;
    expect(resources().threads).toBeGreaterThanOrEqual(before.threads + 2);
    await engine.close();
    await sleep(100);
    expect(resources().threads).toBeLessThanOrEqual(before.threads);
    expect(resources().handles).toEqual(before.handles);
    await expect(async () => engine.scan([root])).rejects.toThrow(/closed/);
  });
});
