import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, readSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = join(repo, 'apps/cli/dist/bin.js');
let root: string;
let data: string;

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" first`);
  root = mkdtempSync(join(tmpdir(), 'mg-manifest-cli-'));
  data = join(root, 'model');
  mkdirSync(join(data, 'shards'), { recursive: true });
  let seed = 7;
  for (let i = 0; i < 5; i++) {
    const bytes = Buffer.alloc(200_000 + i * 1234);
    for (let j = 0; j < bytes.length; j++) bytes[j] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    writeFileSync(join(data, 'shards', `part-${i}.bin`), bytes);
  }
  writeFileSync(join(data, 'config.json'), '{"hidden_size": 8}\n');
  writeFileSync(join(data, 'train.csv'), 'id,text\n1,"a\nb"\n2,c\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('modelgate manifest (built CLI)', () => {
  it('creates a deterministic manifest, verifies it, and catches one flipped byte', () => {
    const created = cli('manifest', 'create', data, '--concurrency', '2', '-q');
    expect(created.code).toBe(0);
    const path = join(data, 'modelgate-manifest.yaml');
    const first = readFileSync(path, 'utf8');
    expect(first).toContain('complete: true');
    expect(first.match(/^ {2}- path: /gm)).toHaveLength(7);
    expect(cli('manifest', 'create', data, '-q').code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(first);

    const ok = cli('manifest', 'verify', data);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stderr).toContain('OK: 7 of 7 listed file(s) verified');

    const target = join(data, 'shards', 'part-3.bin');
    const fd = openSync(target, 'r+');
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, 123_456);
    byte[0] = byte[0]! ^ 0x01;
    writeSync(fd, byte, 0, 1, 123_456);
    closeSync(fd);

    const bad = cli('manifest', 'verify', data, '--format', 'json');
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout) as { findings: { ruleId: string; severity: string; location: { path: string } }[] };
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.location.path])).toEqual([['manifest/digest-mismatch', 'critical', 'shards/part-3.bin']]);
  });

  it('verifies against a manifest kept outside the directory, and fails on an unlisted file', () => {
    const outside = join(root, 'ref.yaml');
    expect(cli('manifest', 'create', data, '--output', outside, '-q').code).toBe(0);
    expect(cli('manifest', 'verify', data, '--manifest', outside, '-q').code).toBe(0);
    writeFileSync(join(data, 'shards', 'extra.pkl'), 'x');
    const run = cli('manifest', 'verify', data, '--manifest', outside, '-q');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('manifest/file-unlisted');
    expect(cli('manifest', 'verify', data, '--manifest', outside, '--fail-on', 'high', '-q').code).toBe(0);
  });

  it('exits 3 when the manifest cannot be analysed and 2 when it does not exist', () => {
    const broken = join(root, 'broken.yaml');
    writeFileSync(broken, 'files:\n  - path: a\n   x: [\n');
    const run = cli('manifest', 'verify', data, '--manifest', broken);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/broken\.yaml:\d+:\d+: invalid YAML/);
    expect(cli('manifest', 'verify', data, '--manifest', join(root, 'none.yaml')).code).toBe(2);
  });

  it('refuses to overwrite a file that is not a modelgate manifest', () => {
    const foreign = join(root, 'notes.yaml');
    writeFileSync(foreign, 'my: notes\n');
    const run = cli('manifest', 'create', data, '--output', foreign);
    expect(run.code).toBe(2);
    expect(readFileSync(foreign, 'utf8')).toBe('my: notes\n');
  });
});
