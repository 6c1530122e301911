import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LimitError } from '../../src/byte-source.js';
import { openContainer, type ContainerFormat } from '../../src/containers/index.js';
import * as fixtures from '../fixtures/compressed-fixtures.js';
import { MemorySource, readAll } from '../fixtures/memory-source.js';
import { buildTar } from '../fixtures/tar-builder.js';
import { anomaliesOf, limits, names, rejection, text } from './helpers.js';

const MIB = 1024 ** 2;
const lines = (count: number): string => Array.from({ length: count }, (_, i) => `line ${i}\n`).join('');
const open = (format: ContainerFormat, bytes: Uint8Array, name: string, overrides = {}) =>
  openContainer(format, new MemorySource(bytes), limits(overrides), name);

/** A gzip member with an FNAME field, written by hand (node:zlib writes none). */
function gzipWithName(name: string, data: Uint8Array): Uint8Array {
  const header = Buffer.from([0x1f, 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zlib.crc32(data), 0);
  trailer.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, Buffer.from(`${name}\0`, 'latin1'), zlib.deflateRawSync(data), trailer]);
}

/** Opens `bytes` as `format`, then its single member as a tar, and returns the tar's members' texts. */
async function tarInside(format: ContainerFormat, bytes: Uint8Array, name: string): Promise<Record<string, string>> {
  const outer = await open(format, bytes, name);
  expect(outer.members).toHaveLength(1);
  const tar = await openContainer('tar', outer.members[0]!.open(), limits(), outer.members[0]!.name);
  const out: Record<string, string> = {};
  for (const member of tar.members) out[member.name] = Buffer.from(await readAll(member.open())).toString('latin1');
  return out;
}

const smallTar = buildTar([
  { name: 'hello.txt', data: 'hello world\n' },
  { name: 'model/data.pkl', data: Buffer.from([0x80, 0x04, 0x4b, 0x2a, 0x2e]) },
]);
const expectedTar = { 'hello.txt': 'hello world\n', 'model/data.pkl': '\x80\x04K*.' };
/** Python's tarfile (which made the bzip2/xz fixtures) pads archives to a 10 KiB record. */
const PYTHON_TAR_LENGTH = 10_240;

describe('gzip', () => {
  it('opens a .tar.gz as one member named after the file, with ISIZE as its size', async () => {
    const opened = await open('gzip', zlib.gzipSync(smallTar), 'model.tar.gz');
    expect(names(opened)).toEqual(['model.tar']);
    expect(opened.members[0]).toMatchObject({ size: smallTar.length, sizeIsEstimate: true, isDirectory: false });
    expect(await tarInside('gzip', zlib.gzipSync(smallTar), 'model.tgz')).toEqual(expectedTar);
  });

  it('names the member from FNAME, reduced to a base name', async () => {
    expect(names(await open('gzip', gzipWithName('dir/../payload.pkl', Buffer.from('x')), 'blob.gz'))).toEqual(['payload.pkl']);
    expect(names(await open('gzip', zlib.gzipSync('x'), 'a.tgz'))).toEqual(['a.tar']);
    expect(names(await open('gzip', zlib.gzipSync('x'), 'blob'))).toEqual(['blob.out']);
  });

  it('reads all members of a multi-member file, ignoring zero padding', async () => {
    const bytes = Buffer.concat([zlib.gzipSync('first\n'), Buffer.alloc(8), zlib.gzipSync('second\n')]);
    const opened = await open('gzip', bytes, 'x.gz');
    expect(text(await readAll(opened.members[0]!.open()))).toBe('first\nsecond\n');
  });

  it('serves random offsets and backward seeks; size becomes exact at the end', async () => {
    const body = lines(50_000);
    const opened = await open('gzip', zlib.gzipSync(body), 'lines.txt.gz');
    const source = opened.members[0]!.open();
    for (const offset of [400_000, 10, 200_000, 100]) expect(text(await source.read(offset, 20))).toBe(body.slice(offset, offset + 20));
    expect(text(await readAll(source, 65_536))).toBe(body);
    expect(source.size).toBe(body.length);
  });

  it('throws DECOMPRESS_ERROR at open when there is no gzip header', async () => {
    const error = await rejection(open('gzip', Buffer.from('plain text, not gzip'), 'x.gz'));
    expect(error.code).toBe('DECOMPRESS_ERROR');
  });

  it('throws DECOMPRESS_ERROR on read for a corrupt or truncated stream', async () => {
    const corrupt = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.from('garbage garbage garbage')]);
    const truncated = zlib.gzipSync(lines(1000)).subarray(0, 200);
    for (const bytes of [corrupt, truncated]) {
      const opened = await open('gzip', bytes, 'x.gz');
      const error = await rejection(readAll(opened.members[0]!.open()));
      expect(error.code).toBe('DECOMPRESS_ERROR');
      expect(error.message).toMatch(/gzip/);
    }
  });

  it('compressed-bomb: an ISIZE far beyond the ratio limit; reads stop at LIMIT_RATIO', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * MIB), { level: 9 });
    const opened = await open('gzip', bomb, 'zeros.gz');
    expect(anomaliesOf(opened, 'compressed-bomb')).toEqual([expect.objectContaining({ messageId: 'ratio', member: 'zeros' })]);
    const source = opened.members[0]!.open();
    expect((await source.read(0, 4096)).length).toBe(4096);
    const error = await rejection(source.read(32 * MIB, 10));
    expect(error).toBeInstanceOf(LimitError);
    expect(error.code).toBe('LIMIT_RATIO');
  });
});

describe('bzip2', () => {
  it('opens a .tar.bz2 and reads the tar inside', async () => {
    expect(await tarInside('bz2', fixtures.SMALL_TAR_BZ2, 'model.tar.bz2')).toEqual(expectedTar);
    const opened = await open('bz2', fixtures.SMALL_TAR_BZ2, 'model.tar.bz2');
    const member = opened.members[0]!;
    expect(member).toMatchObject({ name: 'model.tar', sizeIsEstimate: true });
    // bzip2 declares no size: the estimate is the most the limits let it inflate to, until measured.
    expect(member.size).toBeGreaterThanOrEqual(smallTar.length);
    expect(await member.measureSize!()).toBe(PYTHON_TAR_LENGTH);
  });

  it('decodes several blocks and several streams', async () => {
    const opened = await open('bz2', fixtures.LINES_20000_BZ2, 'lines.bz2');
    const source = opened.members[0]!.open();
    const body = lines(20_000);
    expect(text(await source.read(150_000, 30))).toBe(body.slice(150_000, 150_030));
    expect(text(await source.read(5, 30))).toBe(body.slice(5, 35));
    expect(text(await readAll(source, 50_000))).toBe(body);
    expect(source.size).toBe(body.length);
    const two = await open('bz2', fixtures.TWO_STREAMS_BZ2, 'two.bz2');
    expect(text(await readAll(two.members[0]!.open()))).toBe('first\nsecond\n');
  });

  it('stops a bomb at the ratio and member limits', async () => {
    const ratio = await open('bz2', fixtures.ZEROS_64M_BZ2, 'zeros.bz2');
    expect((await rejection(ratio.members[0]!.open().read(8 * MIB, 10))).code).toBe('LIMIT_RATIO');
    const member = await open('bz2', fixtures.ZEROS_64M_BZ2, 'zeros.bz2', { maxRatio: 1e9, maxMemberBytes: 4 * MIB });
    expect((await rejection(member.members[0]!.open().read(8 * MIB, 10))).code).toBe('LIMIT_INFLATE');
  });

  it('throws DECOMPRESS_ERROR for corrupt data (CRC) and at open for non-bzip2 data', async () => {
    const corrupt = Buffer.from(fixtures.LINES_20000_BZ2);
    corrupt[5000] = (corrupt[5000] ?? 0) ^ 0x10;
    const opened = await open('bz2', corrupt, 'x.bz2');
    expect((await rejection(readAll(opened.members[0]!.open(), 1 << 20))).code).toBe('DECOMPRESS_ERROR');
    const truncated = await open('bz2', fixtures.LINES_20000_BZ2.subarray(0, 3000), 'x.bz2');
    expect((await rejection(readAll(truncated.members[0]!.open()))).code).toBe('DECOMPRESS_ERROR');
    expect((await rejection(open('bz2', Buffer.from('BZx9 nope'), 'x.bz2'))).code).toBe('DECOMPRESS_ERROR');
  });
});

describe('xz', () => {
  it('opens a .tar.xz and reads the tar inside', async () => {
    expect(await tarInside('xz', fixtures.SMALL_TAR_XZ, 'model.tar.xz')).toEqual(expectedTar);
    const opened = await open('xz', fixtures.SMALL_TAR_XZ, 'model.txz');
    expect(names(opened)).toEqual(['model.tar']);
    // Exact, from the xz index.
    expect(opened.members[0]!.size).toBe(PYTHON_TAR_LENGTH);
    expect(opened.members[0]!.sizeIsEstimate).toBeUndefined();
    expect((await open('xz', fixtures.TWO_STREAMS_XZ, 'two.xz')).members[0]!.size).toBe(13);
  });

  it('decodes concatenated streams', async () => {
    const opened = await open('xz', fixtures.TWO_STREAMS_XZ, 'two.xz');
    expect(text(await readAll(opened.members[0]!.open()))).toBe('first\nsecond\n');
  });

  it('stops a bomb at the ratio limit', async () => {
    const opened = await open('xz', fixtures.ZEROS_64M_XZ, 'zeros.xz');
    expect((await rejection(opened.members[0]!.open().read(8 * MIB, 10))).code).toBe('LIMIT_RATIO');
  });

  it('refuses dictionaries above 64 MiB, truncated and foreign data with DECOMPRESS_ERROR', async () => {
    const big = await open('xz', fixtures.BIG_DICT_XZ, 'big.xz');
    const error = await rejection(big.members[0]!.open().read(0, 10));
    expect(error.code).toBe('DECOMPRESS_ERROR');
    expect(error.message).toMatch(/dictionary/);
    const truncated = await open('xz', fixtures.SMALL_TAR_XZ.subarray(0, 60), 'x.xz');
    expect((await rejection(readAll(truncated.members[0]!.open()))).code).toBe('DECOMPRESS_ERROR');
    expect((await rejection(open('xz', Buffer.from('not xz at all'), 'x.xz'))).code).toBe('DECOMPRESS_ERROR');
  });

  it('serves two xz members read in alternation, and an abandoned one blocks nothing', async () => {
    const a = (await open('xz', fixtures.SMALL_TAR_XZ, 'a.tar.xz')).members[0]!.open();
    const b = (await open('xz', fixtures.TWO_STREAMS_XZ, 'b.xz')).members[0]!.open();
    // The same tar as SMALL_TAR_BZ2 holds.
    const expectedA = Buffer.from(await readAll((await open('bz2', fixtures.SMALL_TAR_BZ2, 'a.tar.bz2')).members[0]!.open()));
    for (let offset = 0; offset < 2048; offset += 512) {
      expect(Buffer.from(await a.read(offset, 512)).equals(expectedA.subarray(offset, offset + 512))).toBe(true);
      expect(text(await b.read(offset === 0 ? 0 : 6, 7))).toBe(offset === 0 ? 'first\ns' : 'second\n');
    }
    // `a` is left mid-stream; a fresh member still decodes.
    const c = (await open('xz', fixtures.TWO_STREAMS_XZ, 'c.xz')).members[0]!.open();
    expect(text(await readAll(c))).toBe('first\nsecond\n');
  });
});
