import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZip, deflatedZeros } from '../../plugin-kit/src/testing/fixtures/zip.js';
import { buildTar } from './fixtures/tar-builder.js';
import { SMALL_TAR_XZ } from './fixtures/compressed-fixtures.js';
import { scanWith, tempDir, testPlugin } from './helpers.js';

const marker = testPlugin('marker');
const text = (s: string) => new TextEncoder().encode(s);

function write(files: Record<string, Uint8Array>): string {
  const root = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  return root;
}

describe('containers in a scan', () => {
  it('scans the members of a PyTorch-style zip as virtual files and locates findings by member', async () => {
    const root = write({
      'model.pt': buildZip([
        { name: 'archive/data.pkl', data: Uint8Array.from([0x80, 0x02, 0x7d, 0x71, 0x00, 0x2e]) },
        { name: 'archive/data/0', data: text('MARK tensor bytes') },
        { name: 'archive/version', data: text('3\n'), method: 8 },
      ]),
    });
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 2 });
    expect(report.files.map((f) => [f.path, f.member, f.format])).toEqual([
      ['model.pt', undefined, 'zip'],
      ['model.pt', 'archive/data.pkl', 'pickle'],
      ['model.pt', 'archive/data/0', 'text'],
      ['model.pt', 'archive/version', 'text'],
    ]);
    expect(report.findings.map((f) => [f.ruleId, f.location.path, f.location.member])).toEqual([['marker/found', 'model.pt', 'archive/data/0']]);
    expect(report.findings[0]!.message).toBe('MARK found in model.pt!/archive/data/0');
  });

  it('reports archive anomalies as container findings: traversal and local-header name mismatch', async () => {
    const root = write({
      'a.zip': buildZip([
        { name: '../../etc/cron.d/x', data: text('* * * * * root id') },
        { name: 'archive/data.pkl', localName: 'archive/other.pkl', data: text('x') },
      ]),
    });
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off' });
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.location.member])).toEqual([
      ['container/zip-path-traversal', 'high', '../../etc/cron.d/x'],
      ['container/zip-local-name-mismatch', 'medium', 'archive/data.pkl'],
    ]);
  });

  it('expands nested archives up to the depth limit and reports the level it did not open', async () => {
    let inner: Uint8Array = buildZip([{ name: 'deep.bin', data: text('MARK deep') }]);
    for (let level = 0; level < 3; level++) inner = buildZip([{ name: `level${level}.zip`, data: inner }]);
    const root = write({ 'nested.zip': inner });
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off' });
    expect(report.findings.map((f) => [f.ruleId, f.location.member])).toEqual([['container/depth-limit', 'level2.zip!/level1.zip!/level0.zip']]);
    const shallow = await scanWith([root], { plugins: [marker], concurrency: 'off', limits: { maxDepth: 4 } });
    expect(shallow.report.findings.map((f) => [f.ruleId, f.location.member])).toEqual([['marker/found', 'level2.zip!/level1.zip!/level0.zip!/deep.bin']]);
  });

  it('turns a zip bomb into a finding without inflating it: a 2 GiB member costs a few KiB of reads', async () => {
    const zeros = deflatedZeros(128);
    const root = write({ 'bomb.zip': buildZip([{ name: 'weights.bin', raw: zeros.data, method: 8, declaredSize: zeros.size }]) });
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off', hash: false });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['container/zip-bomb']);
    expect(report.files.find((f) => f.member === 'weights.bin')).toMatchObject({ size: 2 * 1024 ** 3, format: 'binary' });
    expect(report.summary.bytes.read).toBeLessThan(256 * 1024);
    expect(zeros.data.length).toBeGreaterThan(2 * 1024 * 1024 - 100_000);
  });

  it('records a truncated or garbage zip as an error and scans the rest', async () => {
    const good = buildZip([{ name: 'x.bin', data: text('MARK') }]);
    const root = write({
      'truncated.zip': good.subarray(0, good.length - 30),
      'garbage.zip': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]),
      'ok.bin': text('MARK ok'),
    });
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off' });
    expect(report.errors.map((e) => [e.path, e.code])).toEqual([
      ['garbage.zip', 'ZIP_CORRUPT'],
      ['truncated.zip', 'ZIP_CORRUPT'],
    ]);
    expect(report.findings.map((f) => f.location.path)).toContain('ok.bin');
    expect(report.run.complete).toBe(false);
  });

  it('flags tar members that climb out of the extraction directory, and reads tar.gz and tar.xz', async () => {
    const tar = buildTar([
      { name: '../../../home/user/.ssh/authorized_keys', data: 'ssh-ed25519 AAAA' },
      { name: 'inner.bin', data: 'MARK inside' },
    ]);
    const root = write({ 'a.tar': tar, 'b.tar.gz': gzipSync(tar), 'c.tar.xz': SMALL_TAR_XZ });
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off' });
    const found = report.findings.map((f) => [f.ruleId, f.location.path, f.location.member]);
    expect(found).toContainEqual(['container/tar-path-traversal', 'a.tar', '../../../home/user/.ssh/authorized_keys']);
    expect(found).toContainEqual(['marker/found', 'a.tar', 'inner.bin']);
    expect(found).toContainEqual(['container/tar-path-traversal', 'b.tar.gz', 'b.tar!/../../../home/user/.ssh/authorized_keys']);
    expect(found).toContainEqual(['marker/found', 'b.tar.gz', 'b.tar!/inner.bin']);
    expect(report.files.filter((f) => f.path === 'c.tar.xz' && f.member?.startsWith('c.tar!/')).length).toBeGreaterThan(0);
    expect(report.errors).toEqual([]);
  });
});
