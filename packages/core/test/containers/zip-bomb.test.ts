import { beforeAll, describe, expect, it } from 'vitest';
import { LimitError } from '../../src/byte-source.js';
import { openContainer } from '../../src/containers/index.js';
import { MemorySource, SparseSource } from '../fixtures/memory-source.js';
import { buildZip, deflatedZeros } from '../../../plugin-kit/src/testing/fixtures/zip.js';
import { anomaliesOf, limits, rejection } from './helpers.js';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

describe('zip bomb: a 2 GiB member deflated to ~2 MiB', () => {
  let archive: Uint8Array;
  beforeAll(() => {
    const zeros = deflatedZeros(128);
    expect(zeros.size).toBe(2 * GIB);
    archive = buildZip([
      { name: 'weights.bin', raw: zeros.data, method: 8, declaredSize: zeros.size },
      { name: 'second.bin', raw: zeros.data, method: 8, declaredSize: zeros.size },
    ]);
  });

  it('is listed with a few KB of reads and reported as a bomb', async () => {
    const source = new MemorySource(archive);
    const opened = await openContainer('zip', source, limits(), 'bomb.zip');
    expect(opened.members[0]!.size).toBe(2 * GIB);
    expect(source.bytesRead).toBeLessThan(8 * 1024);
    expect(anomaliesOf(opened, 'zip-bomb')).toEqual([
      expect.objectContaining({ messageId: 'ratio', member: 'weights.bin', data: expect.objectContaining({ ratio: 1028, limit: 1000 }) }),
      expect.objectContaining({ messageId: 'ratio', member: 'second.bin' }),
    ]);
  });

  it('reading the first 4 KiB inflates and reads only a bounded amount', async () => {
    const source = new MemorySource(archive);
    // A 2 MiB container budget: the read would throw if it inflated more than that.
    const opened = await openContainer('zip', source, limits({ maxTotalBytes: 2 * MIB }), 'bomb.zip');
    const before = source.bytesRead;
    const bytes = await opened.members[0]!.open().read(0, 4096);
    expect(bytes.length).toBe(4096);
    expect(bytes.every((b) => b === 0)).toBe(true);
    expect(source.bytesRead - before).toBeLessThanOrEqual(2 * 1024);
  });

  it('stops at the ratio limit once past the ratio floor', async () => {
    const opened = await openContainer('zip', new MemorySource(archive), limits(), 'bomb.zip');
    const error = await rejection(opened.members[0]!.open().read(64 * MIB, 4096));
    expect(error).toBeInstanceOf(LimitError);
    expect(error.code).toBe('LIMIT_RATIO');
  });

  it('stops at maxMemberBytes', async () => {
    const opened = await openContainer('zip', new MemorySource(archive), limits({ maxMemberBytes: 8 * MIB, maxRatio: 1e9 }), 'bomb.zip');
    const member = opened.members[0]!.open();
    expect((await member.read(8 * MIB - 4096, 4096)).length).toBe(4096);
    const error = await rejection(member.read(8 * MIB - 10, 4096));
    expect(error).toBeInstanceOf(LimitError);
    expect(error.code).toBe('LIMIT_INFLATE');
  });

  it('stops at maxTotalBytes across members, counting re-reads once', async () => {
    const opened = await openContainer('zip', new MemorySource(archive), limits({ maxTotalBytes: 6 * MIB, maxRatio: 1e9 }), 'bomb.zip');
    const first = opened.members[0]!.open();
    await first.read(3 * MIB, 1024);
    await first.read(0, 1024); // backward seek: restarts, costs no budget
    await opened.members[0]!.open().read(3 * MIB, 1024); // a second source on the same member: no budget either
    const error = await rejection(opened.members[1]!.open().read(4 * MIB, 1024));
    expect(error).toBeInstanceOf(LimitError);
    expect(error.code).toBe('LIMIT_INFLATE');
  });
});

describe('huge archives are listed by hopping headers', () => {
  it('lists a 5 GiB ZIP64 archive with a few small reads', async () => {
    const size = 5 * GIB;
    const name = Buffer.from('huge/tensor.bin');
    const local = Buffer.alloc(30 + name.length + 20);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(20, 28);
    name.copy(local, 30);
    local.writeUInt16LE(1, 30 + name.length);
    local.writeUInt16LE(16, 32 + name.length);
    local.writeBigUInt64LE(BigInt(size), 34 + name.length);
    local.writeBigUInt64LE(BigInt(size), 42 + name.length);
    const cdOffset = local.length + size;
    const central = Buffer.alloc(46 + name.length + 28);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 6);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(28, 30);
    central.writeUInt32LE(0xffffffff, 42);
    name.copy(central, 46);
    central.writeUInt16LE(1, 46 + name.length);
    central.writeUInt16LE(24, 48 + name.length);
    central.writeBigUInt64LE(BigInt(size), 50 + name.length);
    central.writeBigUInt64LE(BigInt(size), 58 + name.length);
    central.writeBigUInt64LE(0n, 66 + name.length);
    const end = Buffer.alloc(56 + 20 + 22);
    end.writeUInt32LE(0x06064b50, 0);
    end.writeBigUInt64LE(44n, 4);
    end.writeBigUInt64LE(1n, 24);
    end.writeBigUInt64LE(1n, 32);
    end.writeBigUInt64LE(BigInt(central.length), 40);
    end.writeBigUInt64LE(BigInt(cdOffset), 48);
    end.writeUInt32LE(0x07064b50, 56);
    end.writeBigUInt64LE(BigInt(cdOffset + central.length), 64);
    end.writeUInt32LE(1, 72);
    end.writeUInt32LE(0x06054b50, 76);
    end.writeUInt16LE(0xffff, 84);
    end.writeUInt16LE(0xffff, 86);
    end.writeUInt32LE(0xffffffff, 88);
    end.writeUInt32LE(0xffffffff, 92);
    const tail = Buffer.concat([central, end]);
    const source = new SparseSource(cdOffset + tail.length, [
      { offset: 0, bytes: local },
      { offset: cdOffset, bytes: tail },
    ]);
    const opened = await openContainer('zip', source, limits(), 'huge.zip');
    expect(opened.members.map((m) => [m.name, m.size])).toEqual([['huge/tensor.bin', size]]);
    expect(opened.anomalies).toEqual([]);
    expect(source.reads).toBeLessThanOrEqual(6);
    expect(source.bytesRead).toBeLessThan(8 * 1024);
    const member = opened.members[0]!.open();
    expect((await member.read(size - 10, 100)).length).toBe(10);
  });
});
