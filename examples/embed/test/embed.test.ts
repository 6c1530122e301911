import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = new URL('..', import.meta.url).pathname;

describe('examples/embed', () => {
  it('scans the demo model from a ten-line program, streaming progress and printing findings', () => {
    const result = spawnSync(process.execPath, ['scan.mjs', '../demo-model'], { cwd: here, encoding: 'utf8', timeout: 60_000 });
    const files = readdirSync(new URL('../../demo-model', import.meta.url)).length;
    expect(result.stderr).toContain(`scanned ${files}/${files} files`);
    expect(result.stdout).toMatch(/^high\tsafetensors\/trailing-data\tadapter_model\.safetensors\t/m);
    expect(result.stdout).toMatch(/safetensors\/shard-missing/);
    expect(result.status).toBe(1);
    expect(spawnSync('wc', ['-l', 'scan.mjs'], { cwd: here, encoding: 'utf8' }).stdout.trim()).toMatch(/^1[01] /);
  });
});
