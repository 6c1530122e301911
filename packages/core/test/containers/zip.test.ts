import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openContainer } from '../../src/containers/index.js';
import { MemorySource, readAll } from '../fixtures/memory-source.js';
import { buildZip } from '../../../plugin-kit/src/testing/fixtures/zip.js';
import { limits, names, rejection, text } from './helpers.js';

const pseudoRandom = (size: number): Uint8Array => {
  const out = new Uint8Array(size);
  let x = 12345;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = (x >>> 16) & 0xff;
  }
  return out;
};

describe('zip listing and reads', () => {
  const big = Buffer.concat([pseudoRandom(200_000), Buffer.alloc(300_000, 7), pseudoRandom(100_000)]);
  const archive = buildZip([
    { name: 'dir/', data: new Uint8Array(0) },
    { name: 'dir/stored.txt', data: Buffer.from('stored content') },
    { name: 'dir/deflated.bin', data: big, method: 8 },
  ]);

  it('lists members from the central directory', async () => {
    const opened = await openContainer('zip', new MemorySource(archive), limits(), 'a.zip');
    expect(names(opened)).toEqual(['dir/', 'dir/stored.txt', 'dir/deflated.bin']);
    expect(opened.members.map((m) => m.isDirectory)).toEqual([true, false, false]);
    expect(opened.members[2]?.size).toBe(big.length);
    expect(opened.members[2]?.compressedSize).toBeLessThan(big.length);
    expect(opened.anomalies).toEqual([]);
  });

  it('reads stored members straight through', async () => {
    const opened = await openContainer('zip', new MemorySource(archive), limits(), 'a.zip');
    const source = opened.members[1]!.open();
    expect(source.size).toBe(14);
    expect(text(await source.read(7, 100))).toBe('content');
    expect((await source.read(14, 10)).length).toBe(0);
  });

  it('inflates deflated members at random offsets and after backward seeks', async () => {
    const opened = await openContainer('zip', new MemorySource(archive), limits(), 'a.zip');
    const source = opened.members[2]!.open();
    expect(Buffer.from(await readAll(source, 10_000)).equals(big)).toBe(true);
    for (const offset of [550_000, 3, 123_456, 599_990, 250_000, 0, 480_000, 1]) {
      expect(Buffer.from(await source.read(offset, 4096)).equals(big.subarray(offset, offset + 4096))).toBe(true);
    }
    expect((await source.read(big.length, 10)).length).toBe(0);
  });

  it('reads a PyTorch-style archive (archive/data.pkl, archive/data/0, stored)', async () => {
    const pickle = Buffer.from([0x80, 0x02, 0x7d, 0x71, 0x00, 0x2e]);
    const tensor = Buffer.alloc(64, 1);
    const torch = buildZip([
      { name: 'archive/data.pkl', data: pickle },
      { name: 'archive/byteorder', data: Buffer.from('little') },
      { name: 'archive/data/0', data: tensor },
      { name: 'archive/version', data: Buffer.from('3\n') },
    ]);
    const opened = await openContainer('zip', new MemorySource(torch), limits(), 'model.pt');
    expect(names(opened)).toEqual(['archive/data.pkl', 'archive/byteorder', 'archive/data/0', 'archive/version']);
    expect(Buffer.from(await readAll(opened.members[0]!.open()))).toEqual(pickle);
    expect(Buffer.from(await readAll(opened.members[2]!.open()))).toEqual(tensor);
    expect(opened.anomalies).toEqual([]);
  });

  it('decodes names as UTF-8 when flagged, else as code page 437', async () => {
    const opened = await openContainer('zip', new MemorySource(buildZip([{ name: 'modèle/données.bin', data: Buffer.from('x') }])), limits(), 'a.zip');
    expect(names(opened)).toEqual(['modèle/données.bin']);
  });

  it('reads ZIP64 sizes, offsets and end records', async () => {
    const data = Buffer.from('zip64 member');
    const zip = buildZip(
      [
        { name: 'a.bin', data, zip64: true },
        { name: 'b.bin', data: Buffer.alloc(1000, 1), method: 8, zip64: true },
      ],
      { zip64Eocd: true },
    );
    const opened = await openContainer('zip', new MemorySource(zip), limits(), 'a.zip');
    expect(names(opened)).toEqual(['a.bin', 'b.bin']);
    expect(opened.members[1]!.size).toBe(1000);
    expect(text(await readAll(opened.members[0]!.open()))).toBe('zip64 member');
    expect(Buffer.from(await readAll(opened.members[1]!.open()))).toEqual(Buffer.alloc(1000, 1));
    expect(opened.anomalies).toEqual([]);
  });

  it('opens a zip nested in a zip through the member source', async () => {
    const inner = buildZip([{ name: 'inner/data.pkl', data: Buffer.from('inner pickle'), method: 8 }]);
    const outer = buildZip([{ name: 'nested.zip', data: inner, method: 8 }]);
    const opened = await openContainer('zip', new MemorySource(outer), limits(), 'outer.zip');
    const nested = await openContainer('zip', opened.members[0]!.open(), limits(), 'nested.zip');
    expect(names(nested)).toEqual(['inner/data.pkl']);
    expect(text(await readAll(nested.members[0]!.open()))).toBe('inner pickle');
  });
});

describe('zip that cannot be listed', () => {
  it('throws ZIP_CORRUPT without an end of central directory record', async () => {
    const zip = buildZip([{ name: 'a', data: Buffer.from('a') }], { omitEocd: true });
    const error = await rejection(openContainer('zip', new MemorySource(zip), limits(), 'a.zip'));
    expect(error.code).toBe('ZIP_CORRUPT');
    expect(error.message).toMatch(/end of central directory/);
  });

  it('throws ZIP_CORRUPT for garbage and for tiny files', async () => {
    for (const bytes of [Buffer.from('this is not a zip file at all, just text'), Buffer.from('PK')]) {
      const error = await rejection(openContainer('zip', new MemorySource(bytes), limits(), 'x.zip'));
      expect(error.code).toBe('ZIP_CORRUPT');
    }
  });

  it('throws ZIP_TRUNCATED when the central directory lies past the end', async () => {
    const zip = buildZip([{ name: 'a', data: Buffer.from('a') }], { declaredCdOffset: 1_000_000 });
    const error = await rejection(openContainer('zip', new MemorySource(zip), limits(), 'a.zip'));
    expect(error.code).toBe('ZIP_TRUNCATED');
  });

  it('throws ZIP_CORRUPT when the declared offset holds no central directory', async () => {
    const zip = Buffer.from(buildZip([{ name: 'a', data: Buffer.from('a') }]));
    zip[zip.indexOf(Buffer.from('PK\x01\x02'))] = 0x51;
    const error = await rejection(openContainer('zip', new MemorySource(zip), limits(), 'a.zip'));
    expect(error.code).toBe('ZIP_CORRUPT');
  });

  it('reports a truncated archive (data cut off) without throwing when the directory survives', async () => {
    const zip = buildZip([{ name: 'a', data: zlib.deflateRawSync(Buffer.alloc(10)) }]);
    // Truncating the tail removes the EOCD: nothing to list.
    const error = await rejection(openContainer('zip', new MemorySource(zip.subarray(0, zip.length - 10)), limits(), 'a.zip'));
    expect(error.code).toBe('ZIP_CORRUPT');
  });
});
