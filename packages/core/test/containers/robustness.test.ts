import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LimitError } from '../../src/byte-source.js';
import { ContainerError, openContainer, type ContainerFormat } from '../../src/containers/index.js';
import * as fixtures from '../fixtures/compressed-fixtures.js';
import { MemorySource, readAll } from '../fixtures/memory-source.js';
import { buildTar, tarHeader } from '../fixtures/tar-builder.js';
import { buildZip } from '../../../plugin-kit/src/testing/fixtures/zip.js';
import { anomaliesOf, limits, names, text } from './helpers.js';

const MIB = 1024 ** 2;
const tight = limits({ maxMemberBytes: 16 * MIB, maxTotalBytes: 32 * MIB, maxEntries: 1000 });

/** Opens and reads everything; returns how it ended. Only ContainerError and LimitError are acceptable failures. */
async function exercise(format: ContainerFormat, bytes: Uint8Array): Promise<string> {
  try {
    const opened = await openContainer(format, new MemorySource(bytes), tight, 'fuzz');
    for (const member of opened.members) {
      if (!member.isDirectory) await readAll(member.open(), 256 * 1024);
    }
    return 'ok';
  } catch (error) {
    if (error instanceof ContainerError || error instanceof LimitError) return error.code;
    throw error;
  }
}

function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const out = Buffer.from(bytes);
  const kind = Math.floor(next() * 3);
  if (kind === 0) return out.subarray(0, Math.floor(next() * out.length));
  const flips = 1 + Math.floor(next() * 8);
  for (let i = 0; i < flips; i++) out[Math.floor(next() * out.length)] = Math.floor(next() * 256);
  if (kind === 2) out.writeUInt32LE(Math.floor(next() * 2 ** 32), Math.floor(next() * Math.max(1, out.length - 4)));
  return out;
}

const tar = buildTar([
  { name: 'a.txt', data: 'hello' },
  { name: `${'long/'.repeat(30)}b.pkl`, data: Buffer.alloc(700, 3), longName: 'pax' },
  { name: 'link', type: '2', linkName: 'a.txt' },
]);
const zip = buildZip([
  { name: 'stored.txt', data: Buffer.from('stored') },
  { name: 'deflated.bin', data: Buffer.alloc(5000, 1), method: 8 },
  { name: 'big.bin', data: Buffer.from('tail data '.repeat(500)), method: 8, zip64: true },
]);
const CASES: [ContainerFormat, Uint8Array][] = [
  ['zip', zip],
  ['tar', tar],
  ['gzip', zlib.gzipSync(tar)],
  ['bz2', fixtures.SMALL_TAR_BZ2],
  ['xz', fixtures.SMALL_TAR_XZ],
];

describe('robustness', () => {
  it.each(CASES)('mutated %s archives fail only with coded errors, never crash or hang', async (format, bytes) => {
    const next = random(format.length * 7919);
    const outcomes = new Set<string>();
    for (let i = 0; i < 150; i++) outcomes.add(await exercise(format, mutate(bytes, next)));
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('garbage of every length fails with a coded error', async () => {
    const next = random(42);
    for (const format of ['zip', 'tar', 'gzip', 'bz2', 'xz'] as const) {
      for (const length of [0, 1, 21, 22, 511, 512, 4096]) {
        const bytes = Uint8Array.from({ length }, () => Math.floor(next() * 256));
        await exercise(format, bytes);
      }
    }
  });

  it('ZIP64 sizes and offsets of 2^64 - 1 are reported, not trusted', async () => {
    const bytes = Buffer.from(buildZip([{ name: 'huge.bin', data: Buffer.from('x'), method: 8, zip64: true }]));
    const cd = bytes.indexOf(Buffer.from('PK\x01\x02'));
    const extra = cd + 46 + 'huge.bin'.length + 4;
    bytes.fill(0xff, extra, extra + 24);
    const opened = await openContainer('zip', new MemorySource(bytes), limits(), 'a.zip');
    expect(names(opened)).toEqual(['huge.bin']);
    expect(opened.members[0]!.size).toBe(Number.MAX_SAFE_INTEGER);
    expect(anomaliesOf(opened, 'zip-data-outside-archive')).toHaveLength(1);
    expect((await opened.members[0]!.open().read(0, 10).catch((e: ContainerError) => e)) as ContainerError).toMatchObject({ code: 'MEMBER_UNREADABLE' });
  });

  it('tar sizes in base-256 and out-of-range values are handled', async () => {
    const header = Buffer.from(tarHeader('x', 0));
    header.fill(0xff, 124, 136); // negative base-256
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const first = buildTar([{ name: 'ok', data: 'ok' }], { end: false });
    const opened = await openContainer('tar', new MemorySource(Buffer.concat([first, header])), limits(), 'a.tar');
    expect(names(opened)).toEqual(['ok']);
    expect(anomaliesOf(opened, 'tar-corrupt')).toEqual([expect.objectContaining({ messageId: 'size' })]);
  });

  it('a zip inside a bzip2-like stream of unknown size is measured, then listed', async () => {
    const inner = buildZip([{ name: 'model/data.pkl', data: Buffer.from('pickle'), method: 8 }]);
    const outer = await openContainer('gzip', new MemorySource(Buffer.concat([zlib.gzipSync(inner.subarray(0, 10)), zlib.gzipSync(inner.subarray(10))])), limits(), 'm.zip.gz');
    const member = outer.members[0]!;
    // Two gzip members: ISIZE covers only the last one, so the size is an underestimate until measured.
    expect(member.size).toBe(inner.length - 10);
    const nested = await openContainer('zip', member.open(), limits(), member.name);
    expect(names(nested)).toEqual(['model/data.pkl']);
    expect(text(await readAll(nested.members[0]!.open()))).toBe('pickle');
  });
});
