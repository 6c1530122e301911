import { describe, expect, it } from 'vitest';
import { openContainer } from '../../src/containers/index.js';
import { MemorySource, readAll, SparseSource } from '../fixtures/memory-source.js';
import { buildTar, tarHeader } from '../fixtures/tar-builder.js';
import { anomaliesOf, limits, names, rejection, text } from './helpers.js';

const open = (bytes: Uint8Array, overrides = {}) => openContainer('tar', new MemorySource(bytes), limits(overrides), 'a.tar');

describe('tar listing and reads', () => {
  it('lists regular files and directories and reads members straight through', async () => {
    const opened = await open(
      buildTar([
        { name: 'model/', type: '5' },
        { name: 'model/data.pkl', data: 'pickle bytes' },
        { name: 'model/empty', data: '' },
        { name: 'model/big.bin', data: Buffer.alloc(1500, 9) },
      ]),
    );
    expect(names(opened)).toEqual(['model/', 'model/data.pkl', 'model/empty', 'model/big.bin']);
    expect(opened.members.map((m) => m.isDirectory)).toEqual([true, false, false, false]);
    expect(text(await readAll(opened.members[1]!.open()))).toBe('pickle bytes');
    expect(Buffer.from(await readAll(opened.members[3]!.open())).equals(Buffer.alloc(1500, 9))).toBe(true);
    expect(text(await opened.members[1]!.open().read(7, 100))).toBe('bytes');
    expect(opened.anomalies).toEqual([]);
  });

  it('reads GNU (L) and PAX (x) long names', async () => {
    const long = `${'deep/'.repeat(40)}data.pkl`;
    const opened = await open(
      buildTar([
        { name: long, data: 'gnu', longName: 'gnu' },
        { name: `${long}.pax`, data: 'pax', longName: 'pax' },
        { name: 'short.txt', data: 'short' },
      ]),
    );
    expect(names(opened)).toEqual([long, `${long}.pax`, 'short.txt']);
    expect(text(await readAll(opened.members[0]!.open()))).toBe('gnu');
    expect(text(await readAll(opened.members[1]!.open()))).toBe('pax');
    expect(opened.anomalies).toEqual([]);
  });

  it('accepts an archive without the end-of-archive blocks, and an empty archive', async () => {
    expect(names(await open(buildTar([{ name: 'a', data: 'a' }], { end: false })))).toEqual(['a']);
    expect((await open(buildTar([]))).members).toEqual([]);
  });

  it('lists a 5 GiB member by hopping headers (a header and a last-byte check per entry)', async () => {
    const size = 5 * 1024 ** 3;
    const source = new SparseSource(512 + size + 512 + 512 + 1024, [
      { offset: 0, bytes: tarHeader('huge.bin', size) },
      { offset: 512 + size, bytes: tarHeader('after.txt', 1) },
    ]);
    const opened = await openContainer('tar', source, limits(), 'huge.tar');
    expect(opened.members.map((m) => [m.name, m.size])).toEqual([
      ['huge.bin', size],
      ['after.txt', 1],
    ]);
    expect(source.reads).toBe(5);
    expect(source.bytesRead).toBeLessThan(2048);
  });
});

describe('tar anomalies', () => {
  it('tar-path-traversal: parent components and absolute names, still listed', async () => {
    const opened = await open(buildTar([{ name: '../evil.pkl', data: 'x' }, { name: '/etc/cron.d/x', data: 'x' }, { name: 'ok/a..b', data: 'x' }]));
    expect(names(opened)).toEqual(['../evil.pkl', '/etc/cron.d/x', 'ok/a..b']);
    expect(anomaliesOf(opened, 'tar-path-traversal').map((a) => [a.member, a.data.reason])).toEqual([
      ['../evil.pkl', 'parent'],
      ['/etc/cron.d/x', 'absolute'],
    ]);
  });

  it('tar-link: symlinks and hard links are listed as non-files with their targets', async () => {
    const opened = await open(
      buildTar([
        { name: 'a.pkl', data: 'x' },
        { name: 'link', type: '2', linkName: '/etc/passwd' },
        { name: 'hard', type: '1', linkName: 'a.pkl' },
      ]),
    );
    expect(opened.members.map((m) => m.isDirectory)).toEqual([false, true, true]);
    expect(anomaliesOf(opened, 'tar-link').map((a) => [a.messageId, a.data.target, a.data.escapes])).toEqual([
      ['symlink', '/etc/passwd', 'yes'],
      ['hardlink', 'a.pkl', 'no'],
    ]);
  });

  it('tar-special-file: devices and fifos', async () => {
    const opened = await open(buildTar([{ name: 'dev', type: '3' }, { name: 'pipe', type: '6' }]));
    expect(anomaliesOf(opened, 'tar-special-file').map((a) => a.data.kind)).toEqual(['character device', 'fifo']);
    expect(opened.members.every((m) => m.isDirectory)).toBe(true);
  });

  it('tar-duplicate-name', async () => {
    const opened = await open(buildTar([{ name: 'a', data: '1' }, { name: 'a', data: '2' }]));
    expect(names(opened)).toEqual(['a', 'a']);
    expect(anomaliesOf(opened, 'tar-duplicate-name')).toHaveLength(1);
  });

  it('tar-truncated: data cut off, member listed and readable up to the end', async () => {
    const full = buildTar([{ name: 'a', data: 'a' }, { name: 'b.bin', data: Buffer.alloc(2000, 1) }], { end: false });
    const opened = await open(full.subarray(0, 512 * 3 + 100));
    expect(names(opened)).toEqual(['a', 'b.bin']);
    expect(anomaliesOf(opened, 'tar-truncated')).toEqual([expect.objectContaining({ messageId: 'data', member: 'b.bin' })]);
    expect((await readAll(opened.members[1]!.open())).length).toBe(100);
  });

  it('tar-truncated: header cut off', async () => {
    const full = buildTar([{ name: 'a', data: 'a' }, { name: 'b', data: 'b' }]);
    const opened = await open(full.subarray(0, 1024 + 200));
    expect(names(opened)).toEqual(['a']);
    expect(anomaliesOf(opened, 'tar-truncated')).toEqual([expect.objectContaining({ messageId: 'header' })]);
  });

  it('tar-corrupt: a bad header after good ones stops the listing', async () => {
    const opened = await open(buildTar([{ name: 'a', data: 'a' }, { name: 'b', data: 'b', badChecksum: true }, { name: 'c', data: 'c' }]));
    expect(names(opened)).toEqual(['a']);
    expect(anomaliesOf(opened, 'tar-corrupt')).toEqual([expect.objectContaining({ messageId: 'checksum', byteOffset: 1024 })]);
  });

  it('tar-too-many-entries', async () => {
    const opened = await open(buildTar(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: 'x' }))), { maxEntries: 3 });
    expect(opened.members).toHaveLength(3);
    expect(anomaliesOf(opened, 'tar-too-many-entries')).toHaveLength(1);
  });
});

describe('tar that cannot be listed', () => {
  it('throws TAR_CORRUPT when the first header is bad, too short or missing', async () => {
    for (const bytes of [buildTar([{ name: 'a', data: 'a', badChecksum: true }]), Buffer.alloc(100), Buffer.alloc(0), Buffer.from('x'.repeat(600))]) {
      const error = await rejection(open(bytes));
      expect(error.code).toBe('TAR_CORRUPT');
    }
  });
});
