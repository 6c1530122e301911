import { describe, expect, it } from 'vitest';
import { LimitError } from '../../src/byte-source.js';
import { openContainer } from '../../src/containers/index.js';
import { MAX_ANOMALIES_PER_RULE } from '../../src/containers/anomalies.js';
import { MemorySource, readAll } from '../fixtures/memory-source.js';
import { buildZip, type ZipEntrySpec, type ZipOptions } from '../../../plugin-kit/src/testing/fixtures/zip.js';
import { anomaliesOf, limits, names, rejection, text } from './helpers.js';

const hello = { name: 'hello.txt', data: Buffer.from('hello') };

async function open(entries: ZipEntrySpec[], options: ZipOptions = {}, overrides = {}) {
  return openContainer('zip', new MemorySource(buildZip(entries, options)), limits(overrides), 'a.zip');
}

describe('zip anomalies', () => {
  it('zip-local-name-mismatch: local header names another file; the central name wins', async () => {
    const opened = await open([{ name: 'data.pkl', localName: 'other.pkl', data: Buffer.from('payload') }]);
    expect(names(opened)).toEqual(['data.pkl']);
    expect(anomaliesOf(opened, 'zip-local-name-mismatch')).toEqual([
      expect.objectContaining({ messageId: 'mismatch', member: 'data.pkl', data: { member: 'data.pkl', localName: 'other.pkl' } }),
    ]);
    expect(text(await readAll(opened.members[0]!.open()))).toBe('payload');
  });

  it('tolerates unusual flag bits without reporting them', async () => {
    const opened = await open([{ ...hello, flags: 0x0008 | 0x0002 | 0x1000 }]);
    expect(opened.anomalies).toEqual([]);
    expect(text(await readAll(opened.members[0]!.open()))).toBe('hello');
  });

  it('zip-encrypted-entry: reported, and reads throw ENCRYPTED', async () => {
    const opened = await open([{ ...hello, flags: 0x0001 }, { name: 'aes.bin', data: Buffer.from('x'), method: 99 }]);
    expect(anomaliesOf(opened, 'zip-encrypted-entry').map((a) => a.member)).toEqual(['hello.txt', 'aes.bin']);
    const error = await rejection(opened.members[0]!.open().read(0, 10));
    expect(error.code).toBe('ENCRYPTED');
    expect(anomaliesOf(opened, 'zip-unsupported-compression')).toEqual([]);
  });

  it('zip-unsupported-compression: methods other than stored and deflate; reads throw', async () => {
    const opened = await open([
      { name: 'a.bin', data: Buffer.from('BZh91AY&SY'), method: 12 },
      { name: 'b.bin', data: Buffer.from('zstd'), method: 93 },
      { name: 'c.bin', data: Buffer.from('d64'), method: 9 },
    ]);
    expect(anomaliesOf(opened, 'zip-unsupported-compression').map((a) => a.data.methodName)).toEqual(['bzip2', 'zstd', 'deflate64']);
    const error = await rejection(opened.members[0]!.open().read(0, 10));
    expect(error.code).toBe('UNSUPPORTED_COMPRESSION');
  });

  it('zip-path-traversal: parent components, absolute paths, backslashes, drive letters, NUL', async () => {
    const bad = ['../evil.pkl', 'a/../../evil.pkl', '/etc/passwd', 'a\\..\\evil.pkl', 'C:/evil.pkl', 'a\u0000.pkl'];
    const opened = await open([hello, ...bad.map((name) => ({ name, data: Buffer.from('x') }))]);
    expect(anomaliesOf(opened, 'zip-path-traversal').map((a) => a.data.reason)).toEqual(['parent', 'parent', 'absolute', 'backslash', 'drive', 'nul']);
    // Still listed, with posix separators, so they are scanned.
    expect(names(opened)).toContain('a/../evil.pkl');
  });

  it('zip-duplicate-name: both copies are listed and the second is reported', async () => {
    const opened = await open([hello, { name: 'hello.txt', data: Buffer.from('second') }]);
    expect(names(opened)).toEqual(['hello.txt', 'hello.txt']);
    expect(anomaliesOf(opened, 'zip-duplicate-name')).toHaveLength(1);
    expect(text(await readAll(opened.members[1]!.open()))).toBe('second');
  });

  it('zip-overlapping-entries: two central records sharing one local header', async () => {
    const opened = await open([{ name: 'a.pkl', data: Buffer.from('shared') }, { name: 'b.pkl', sharesHeaderOf: 0 }]);
    expect(anomaliesOf(opened, 'zip-overlapping-entries')).toEqual([
      expect.objectContaining({ data: { member: 'b.pkl', other: 'a.pkl' } }),
    ]);
    expect(text(await readAll(opened.members[1]!.open()))).toBe('shared');
  });

  it('zip-overlapping-entries: declared data running into the next entry', async () => {
    const opened = await open([{ name: 'a', data: Buffer.from('aaaa'), declaredCompressedSize: 40, declaredSize: 40 }, { name: 'b', data: Buffer.from('bbbb') }]);
    expect(anomaliesOf(opened, 'zip-overlapping-entries')).toHaveLength(1);
    expect(anomaliesOf(opened, 'zip-overlapping-entries')[0]?.member).toBe('b');
  });

  it('keeps at most MAX_ANOMALIES_PER_RULE per rule and counts the rest', async () => {
    const entries: ZipEntrySpec[] = [{ name: 'a', data: Buffer.from('x') }];
    for (let i = 0; i < 80; i++) entries.push({ name: `copy${i}`, sharesHeaderOf: 0 });
    const opened = await open(entries);
    const overlaps = anomaliesOf(opened, 'zip-overlapping-entries');
    expect(overlaps).toHaveLength(MAX_ANOMALIES_PER_RULE);
    expect(overlaps.at(-1)?.data.omitted).toBe(80 - MAX_ANOMALIES_PER_RULE);
  });

  it('zip-data-outside-archive: local header offset past the end', async () => {
    const zip = Buffer.from(buildZip([hello]));
    zip.writeUInt32LE(1_000_000, zip.indexOf(Buffer.from('PK\x01\x02')) + 42);
    const opened = await openContainer('zip', new MemorySource(zip), limits(), 'a.zip');
    expect(anomaliesOf(opened, 'zip-data-outside-archive')).toEqual([expect.objectContaining({ messageId: 'header' })]);
    expect((await rejection(opened.members[0]!.open().read(0, 1))).code).toBe('MEMBER_UNREADABLE');
  });

  it('zip-data-outside-archive: data running past the end of the file', async () => {
    const opened = await open([{ ...hello, declaredCompressedSize: 1_000_000, declaredSize: 1_000_000 }]);
    expect(anomaliesOf(opened, 'zip-data-outside-archive')).toEqual([expect.objectContaining({ messageId: 'data' })]);
  });

  it('zip-bad-local-header: no local header signature at the declared offset', async () => {
    const zip = Buffer.from(buildZip([hello]));
    zip[0] = 0x51;
    const opened = await openContainer('zip', new MemorySource(zip), limits(), 'a.zip');
    expect(anomaliesOf(opened, 'zip-bad-local-header')).toHaveLength(1);
    expect((await rejection(opened.members[0]!.open().read(0, 1))).code).toBe('MEMBER_UNREADABLE');
  });

  it('zip-prefix-data: bytes prepended (offsets not adjusted, as with cat) are found and reported', async () => {
    const opened = await open([hello], { prefix: Buffer.from('#!/bin/sh\nexit 0\n') });
    expect(anomaliesOf(opened, 'zip-prefix-data')).toEqual([expect.objectContaining({ data: { bytes: 17 } })]);
    expect(text(await readAll(opened.members[0]!.open()))).toBe('hello');
  });

  it('zip-prefix-data: a polyglot whose offsets include the prefix', async () => {
    const opened = await open([hello], { prefix: Buffer.alloc(100, 0x41), prefixInOffsets: true });
    expect(anomaliesOf(opened, 'zip-prefix-data')).toEqual([expect.objectContaining({ data: { bytes: 100 } })]);
    expect(text(await readAll(opened.members[0]!.open()))).toBe('hello');
  });

  it('zip-trailing-data: bytes after the end record', async () => {
    const opened = await open([hello], { trailing: Buffer.from('appended payload') });
    expect(anomaliesOf(opened, 'zip-trailing-data')).toEqual([expect.objectContaining({ data: { bytes: 16 } })]);
    expect(anomaliesOf(await open([hello], { comment: Buffer.from('a comment') }), 'zip-trailing-data')).toEqual([]);
  });

  it('zip-entry-count-mismatch: more records than declared are all listed', async () => {
    const opened = await open([hello, { name: 'hidden.pkl', data: Buffer.from('x') }], { declaredCount: 1 });
    expect(names(opened)).toEqual(['hello.txt', 'hidden.pkl']);
    expect(anomaliesOf(opened, 'zip-entry-count-mismatch')).toEqual([expect.objectContaining({ data: { declared: 1, found: 2 } })]);
  });

  it('zip-entry-count-mismatch: fewer records than declared', async () => {
    const opened = await open([hello], { declaredCount: 5 });
    expect(anomaliesOf(opened, 'zip-entry-count-mismatch')).toEqual([expect.objectContaining({ data: { declared: 5, found: 1 } })]);
  });

  it('zip-stored-size-mismatch: stored sizes disagree; the larger range is served', async () => {
    const zip = buildZip([{ name: 'a', data: Buffer.from('0123456789'), declaredSize: 4 }, hello]);
    const opened = await openContainer('zip', new MemorySource(zip), limits(), 'a.zip');
    expect(anomaliesOf(opened, 'zip-stored-size-mismatch')).toEqual([expect.objectContaining({ data: { member: 'a', size: 4, compressedSize: 10 } })]);
    expect(text(await readAll(opened.members[0]!.open()))).toBe('0123456789');
  });

  it('zip-bomb: entries beyond maxEntries are not listed', async () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') }));
    const opened = await open(entries, {}, { maxEntries: 4 });
    expect(opened.members).toHaveLength(4);
    expect(anomaliesOf(opened, 'zip-bomb')).toEqual([expect.objectContaining({ messageId: 'entries', data: { declared: 10, limit: 4 } })]);
  });

  it('zip-bomb: declared ratio, member size and total size', async () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    const opened = await open(
      [
        { name: 'ratio.bin', data: zeros, method: 8 },
        { name: 'small.bin', data: Buffer.alloc(512 * 1024), method: 8 },
        { name: 'big.bin', data: Buffer.from('x'), method: 8, declaredSize: 3 * 1024 * 1024 },
      ],
      {},
      { maxMemberBytes: 2 * 1024 * 1024, maxTotalBytes: 5 * 1024 * 1024, maxRatio: 500 },
    );
    const bombs = anomaliesOf(opened, 'zip-bomb');
    expect(bombs.map((a) => `${a.messageId}:${a.member ?? ''}`)).toEqual([
      'memberSize:ratio.bin',
      'ratio:ratio.bin',
      'memberSize:big.bin',
      'ratio:big.bin',
      'totalSize:',
    ]);
    // Members under the ratio floor are not bombs, however well they compress (512 KiB of zeros: ratio ~1000).
    expect(bombs.some((a) => a.member === 'small.bin')).toBe(false);
  });

  it('a member inflating past its declared size is served up to the member limit', async () => {
    const zip = buildZip([{ name: 'liar.bin', data: Buffer.alloc(100_000, 1), method: 8, declaredSize: 10 }]);
    const opened = await openContainer('zip', new MemorySource(zip), limits({ maxMemberBytes: 50_000 }), 'a.zip');
    const source = opened.members[0]!.open();
    expect(source.size).toBe(10);
    expect((await source.read(0, 40_000)).length).toBe(40_000);
    const error = await rejection(source.read(40_000, 20_000));
    expect(error).toBeInstanceOf(LimitError);
    expect(error.code).toBe('LIMIT_INFLATE');
  });

  it('a corrupt deflate stream throws DECOMPRESS_ERROR on read', async () => {
    const opened = await open([{ name: 'bad.bin', raw: Buffer.from('definitely not deflate data'), method: 8, data: Buffer.alloc(30) }]);
    const error = await rejection(opened.members[0]!.open().read(0, 10));
    expect(error.code).toBe('DECOMPRESS_ERROR');
    expect(error.message).toMatch(/bad\.bin/);
  });
});
