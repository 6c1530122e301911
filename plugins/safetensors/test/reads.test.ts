import { describe, expect, it } from 'vitest';
import { buildSafetensors, safetensorsFile } from '@modelgate/plugin-kit/testing';
import { scanFile } from './scan.js';

describe('bounded reads', () => {
  it('reads only the prefix and the header of a file with a large payload', async () => {
    const built = buildSafetensors({
      embed: { dtype: 'BF16', shape: [32000, 4096] }, // 262 MB of tensor data, never materialised
      head: { dtype: 'F32', shape: [4096] },
    });
    const file = safetensorsFile(built);
    expect(file.size).toBeGreaterThan(250_000_000);
    expect(await scanFile(file)).toEqual([]);
    expect(file.bytesRead).toBe(8 + built.headerLength);
    expect(file.reads).toEqual([[0, 8], [8, built.headerLength]]);
  });

  it('reads only the prefix when the declared length is absurd', async () => {
    const built = buildSafetensors({ w: { dtype: 'F32', shape: [1 << 20] } }, { headerLength: 1n << 62n });
    const file = safetensorsFile(built);
    await scanFile(file);
    expect(file.bytesRead).toBe(8);
  });

  it('reads nothing past the header when the data is truncated or has trailing bytes', async () => {
    const built = buildSafetensors({ w: { dtype: 'F32', shape: [1 << 20] } });
    for (const file of [safetensorsFile(built, 'a.safetensors', 1 << 20), safetensorsFile({ ...built, dataLength: 10 })]) {
      await scanFile(file);
      expect(file.bytesRead).toBe(8 + built.headerLength);
    }
  });
});
