import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publint } from 'publint';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';

const root = new URL('../../', import.meta.url).pathname;
const publicPackages = ['packages', 'plugins', 'apps', 'examples']
  .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(dir, name)))
  .filter((dir) => {
    try {
      return !JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).private;
    } catch {
      return false;
    }
  });
const out = mkdtempSync(join(tmpdir(), 'modelgate-pack-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each(publicPackages)('%s, installed from its tarball', (dir) => {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));

  it('has a README, a licence file and a licence field, and no workspace ranges once packed', () => {
    const tarball = pack(dir);
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/LICENSE');
    expect(manifest.license).toBe('Apache-2.0');
    const packed = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(JSON.stringify(packed)).not.toMatch(/workspace:/);
  });

  it('passes publint', async () => {
    const tarball = readFileSync(pack(dir));
    const { messages } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) }, level: 'warning', strict: true });
    expect(messages.map((m) => `${m.type} ${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  });

  it('resolves its types for every entry point (arethetypeswrong, node16 ESM and bundlers)', async () => {
    const pkg = createPackageFromTarballData(new Uint8Array(readFileSync(pack(dir))));
    const result = await checkPackage(pkg);
    // The packages are ESM-only on purpose (Node >= 20.19 can require() them): CommonJS and
    // node10 resolutions are out of scope, as in attw's `--profile esm-only`.
    const problems = 'problems' in result ? result.problems : [];
    const relevant = problems.filter((p) => !('resolutionKind' in p) || p.resolutionKind === 'node16-esm' || p.resolutionKind === 'bundler');
    expect(relevant.map((p) => `${p.kind} ${JSON.stringify(p)}`)).toEqual([]);
  });
});

const packed = new Map<string, string>();
/** Packs a package once with pnpm (which rewrites workspace: ranges) and returns the tarball path. */
function pack(dir: string): string {
  const cached = packed.get(dir);
  if (cached) return cached;
  const destination = join(out, dir.replaceAll('/', '_'));
  execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: join(root, dir), stdio: 'pipe' });
  const tarball = join(destination, readdirSync(destination).find((f) => f.endsWith('.tgz'))!);
  packed.set(dir, tarball);
  return tarball;
}
