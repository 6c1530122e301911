import { describe, expect, it } from 'vitest';
import { LimitError } from '../../src/byte-source.js';
import { DecodedSource, WINDOW_KEEP, type DecodedSourceOptions } from '../../src/containers/decoded-source.js';
import type { Decoder } from '../../src/containers/decoder.js';
import { ContainerError } from '../../src/containers/errors.js';
import { DEFAULT_CONTAINER_LIMITS, InflateBudget } from '../../src/containers/limits.js';
import { MemorySource } from '../fixtures/memory-source.js';
import { rejection } from './helpers.js';

/** A fake "decompressor": each input byte b becomes 1000 copies of b; counts restarts. */
function expandingDecoder(stats: { starts: number; produced: number }, failAt?: number): Decoder {
  return async function* (openInput) {
    stats.starts++;
    for await (const chunk of openInput()) {
      for (const byte of chunk) {
        if (failAt !== undefined && stats.produced >= failAt) throw new Error('bad data');
        stats.produced += 1000;
        yield new Uint8Array(1000).fill(byte);
      }
    }
  };
}

function source(input: Uint8Array, decoder: Decoder, overrides: Partial<DecodedSourceOptions> = {}) {
  return new DecodedSource({
    source: new MemorySource(input),
    start: 0,
    length: input.length,
    decoder,
    format: 'fake',
    name: 'member',
    sizeHint: 123,
    sizeExact: false,
    maxMemberBytes: 1e12,
    maxRatio: 1e9,
    budget: new InflateBudget(DEFAULT_CONTAINER_LIMITS, 'c'),
    highWater: { value: 0 },
    ...overrides,
  });
}

const input = Uint8Array.from({ length: 5000 }, (_, i) => i % 251);

describe('DecodedSource', () => {
  it('decodes only as far as reads reach and restarts only before its window', async () => {
    const stats = { starts: 0, produced: 0 };
    const decoded = source(input, expandingDecoder(stats));
    expect(Array.from(await decoded.read(2_500, 3))).toEqual([2, 2, 2]);
    expect(stats.produced).toBeLessThanOrEqual(4_000);
    // Forward and short backward reads reuse the session.
    await decoded.read(3_000_000, 10);
    await decoded.read(3_000_000 - WINDOW_KEEP / 2, 10);
    expect(stats.starts).toBe(1);
    // A read before the window restarts from the first byte.
    expect(Array.from(await decoded.read(1_000, 2))).toEqual([1, 1]);
    expect(stats.starts).toBe(2);
  });

  it('reads spanning chunks, reads past the end, and an exact size at the end', async () => {
    const decoded = source(input.subarray(0, 3), expandingDecoder({ starts: 0, produced: 0 }));
    expect(decoded.size).toBe(123);
    expect(decoded.sizeIsExact).toBe(false);
    const bytes = await decoded.read(990, 1020);
    expect(bytes.length).toBe(1020);
    expect(bytes[0]).toBe(0);
    expect(bytes[10]).toBe(1);
    expect(bytes[1019]).toBe(2);
    expect((await decoded.read(2_990, 100)).length).toBe(10);
    expect(decoded.size).toBe(3_000);
    expect(decoded.sizeIsExact).toBe(true);
    expect((await decoded.read(3_000, 1)).length).toBe(0);
  });

  it('serves concurrent reads in order', async () => {
    const decoded = source(input, expandingDecoder({ starts: 0, produced: 0 }));
    const reads = await Promise.all([decoded.read(5_000, 1), decoded.read(0, 1), decoded.read(250_000, 1), decoded.read(7, 1)]);
    expect(reads.map((r) => r[0])).toEqual([5, 0, 250, 0]);
  });

  it('measure() decodes to the end', async () => {
    const decoded = source(input.subarray(0, 40), expandingDecoder({ starts: 0, produced: 0 }));
    expect(await decoded.measure()).toBe(40_000);
    expect(decoded.size).toBe(40_000);
  });

  it('turns decoder failures into DECOMPRESS_ERROR, and recovers for earlier reads', async () => {
    const stats = { starts: 0, produced: 0 };
    const decoded = source(input, expandingDecoder(stats, 50_000));
    const error = await rejection(decoded.read(100_000, 10));
    expect(error).toBeInstanceOf(ContainerError);
    expect(error.code).toBe('DECOMPRESS_ERROR');
    expect(error.message).toMatch(/member: corrupt fake data after 50000 decoded bytes: bad data/);
    stats.produced = 0;
    expect((await decoded.read(0, 10)).length).toBe(10);
  });

  it('hostile offsets and lengths return nothing instead of throwing', async () => {
    const decoded = source(input, expandingDecoder({ starts: 0, produced: 0 }));
    for (const [offset, length] of [[-1, 10], [Number.NaN, 10], [0, -5], [0, 0], [2 ** 60, 10], [1.5, 10]] as const) {
      const bytes = await decoded.read(offset, length).catch((e: unknown) => e);
      if (bytes instanceof Uint8Array) expect(bytes.length).toBeLessThanOrEqual(10);
      else expect(bytes).toBeInstanceOf(LimitError);
    }
  });

  it('member limit: serves bytes below it, throws LIMIT_INFLATE for bytes past it', async () => {
    const decoded = source(input, expandingDecoder({ starts: 0, produced: 0 }), { maxMemberBytes: 10_500 });
    expect((await decoded.read(10_000, 500)).length).toBe(500);
    const error = await rejection(decoded.read(10_000, 501));
    expect(error).toBeInstanceOf(LimitError);
    expect(error.code).toBe('LIMIT_INFLATE');
  });

  it('ratio limit applies past the floor only', async () => {
    const decoded = source(input, expandingDecoder({ starts: 0, produced: 0 }), { maxRatio: 500 });
    expect((await decoded.read(500_000, 10)).length).toBe(10);
    expect((await rejection(decoded.read(2_000_000, 10))).code).toBe('LIMIT_RATIO');
  });
});
