import { describe, expect, it } from 'vitest';
import { assembleHead, buildSafetensors, rawSafetensorsFile, safetensorsFile } from '@modelgate/plugin-kit/testing';
import { MemoryFile } from '@modelgate/plugin-kit/testing';
import { ids, scanFile } from './scan.js';

/** An 8-byte little-endian prefix declaring `length`. */
function prefix(length: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, length, true);
  return out;
}

const one = { w: { dtype: 'F32', shape: [2] } };

describe('length prefix', () => {
  it('reports an empty file as too small', async () => {
    const findings = await scanFile(rawSafetensorsFile([]));
    expect(ids(findings)).toEqual(['header-too-small/tooSmall']);
    expect(findings[0]).toMatchObject({ severity: 'high', data: { size: 0 }, location: { byteOffset: 0 } });
  });

  it('reports a file shorter than 8 bytes as too small', async () => {
    expect(ids(await scanFile(rawSafetensorsFile([1, 0, 0, 0, 0, 0, 0])))).toEqual(['header-too-small/tooSmall']);
  });

  it('reports header length 2^63 as too large, reading only the prefix', async () => {
    const file = rawSafetensorsFile(prefix(1n << 63n), 'x.safetensors', 1 << 20);
    const findings = await scanFile(file);
    expect(ids(findings)).toEqual(['header-too-large/tooLarge']);
    expect(findings[0]!.data).toEqual({ length: '9223372036854775808' });
    expect(file.bytesRead).toBe(8);
  });

  it('reports header length 2^64-1 exactly, without precision loss', async () => {
    const findings = await scanFile(rawSafetensorsFile(prefix((1n << 64n) - 1n)));
    expect(findings[0]!.data).toEqual({ length: '18446744073709551615' });
  });

  it('reports a header length just over 100,000,000 even when the file is big enough', async () => {
    const file = rawSafetensorsFile(prefix(100_000_001n), 'big.safetensors', 8 + 100_000_001 + 16);
    expect(ids(await scanFile(file))).toEqual(['header-too-large/tooLarge']);
    expect(file.bytesRead).toBe(8);
  });

  it('accepts a header length of exactly 100,000,000 when the file holds it', async () => {
    // The header is spaces after "{}"; the file is faked so only the real bytes exist.
    const head = new Uint8Array(8 + 2).fill(0);
    head.set(prefix(100_000_000n));
    head.set([0x7b, 0x7d], 8);
    const file = new MemoryFile('edge.safetensors', head, { size: 8 + 100_000_000 });
    // Virtual bytes read as zeros, which are not JSON whitespace: the header is invalid JSON,
    // but crucially it is not "too large".
    expect(ids(await scanFile(file))).toEqual(['invalid-header/notJson']);
  });

  it('reports a header length past the end of the file', async () => {
    const built = buildSafetensors(one);
    const file = rawSafetensorsFile(built.head.subarray(0, 20));
    const findings = await scanFile(file);
    expect(ids(findings)).toEqual(['header-length-out-of-bounds/pastEnd']);
    expect(findings[0]!.data).toMatchObject({ size: 20 });
  });

  it('reports a length prefix of 8 bytes with nothing after it but a declared header', async () => {
    expect(ids(await scanFile(rawSafetensorsFile(prefix(2n))))).toEqual(['header-length-out-of-bounds/pastEnd']);
  });
});

describe('header decoding', () => {
  it('reports a header that is not UTF-8, with the offset of the bad byte', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('{"a'), 0xff, ...new TextEncoder().encode('":{}}')]);
    const findings = await scanFile(rawSafetensorsFile(assembleHead(bytes, { pad: false })));
    expect(ids(findings)).toEqual(['invalid-header/notUtf8']);
    expect(findings[0]!.location).toEqual({ byteOffset: 8 + 3 });
  });

  it('rejects UTF-8 encoded surrogates and overlong forms like Rust does', async () => {
    for (const bad of [[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]]) {
      const bytes = Uint8Array.from([0x7b, 0x22, ...bad, 0x22, 0x3a, 0x31, 0x7d]);
      expect(ids(await scanFile(rawSafetensorsFile(assembleHead(bytes, { pad: false }))))).toEqual(['invalid-header/notUtf8']);
    }
  });

  it.each([
    ['trailing comma', '{"a":{"dtype":"F32","shape":[],"data_offsets":[0,4]},}'],
    ['comment', '{/* x */}'],
    ['NaN', '{"__metadata__":{"a":NaN}}'],
    ['leading zero', '{"a":{"dtype":"F32","shape":[01],"data_offsets":[0,4]}}'],
    ['single quotes', "{'a':1}"],
    ['lone surrogate escape', '{"\\ud800":1}'],
    ['raw control character', '{"a\tb":1}'],
    ['NUL padding', '{}\u0000\u0000'],
    ['byte order mark', '\ufeff{}'],
    ['two values', '{}{}'],
  ])('reports invalid JSON: %s', async (_, text) => {
    const findings = await scanFile(rawSafetensorsFile(assembleHead(text, { pad: false })));
    expect(ids(findings)).toEqual(['invalid-header/notJson']);
    expect(findings[0]!.severity).toBe('high');
  });

  it('enforces serde_json nesting limit of 127 levels', async () => {
    const nested = (n: number) => `{"__x":{"dtype":"F32","shape":[],"data_offsets":[0,4],"extra":${'['.repeat(n)}${']'.repeat(n)}}}`;
    // root object + tensor object = 2 levels, so 125 arrays reach 127 and 126 reach 128.
    const ok = buildSafetensors({}, { headerText: nested(125), dataLength: 4 });
    expect(ids(await scanFile(safetensorsFile(ok)))).toEqual([]);
    const bad = buildSafetensors({}, { headerText: nested(126), dataLength: 4 });
    expect(ids(await scanFile(safetensorsFile(bad)))).toEqual(['invalid-header/notJson']);
  });

  it.each([['[]', 'array'], ['"x"', 'string'], ['1', 'number'], ['null', 'null']])(
    'reports a header that is JSON %s but not an object',
    async (text, type) => {
      const findings = await scanFile(rawSafetensorsFile(assembleHead(text)));
      expect(ids(findings)).toEqual(['invalid-header/notObject']);
      expect(findings[0]!.data).toEqual({ type });
    },
  );

  it('accepts trailing space padding silently', async () => {
    const text = `${JSON.stringify(buildSafetensors(one).header)}         `;
    expect(await scanFile(safetensorsFile(buildSafetensors(one, { headerText: text, pad: false })))).toEqual([]);
  });

  it('reports leading whitespace (accepted by Rust, refused by the spec) as low', async () => {
    const text = ` \n${JSON.stringify(buildSafetensors(one).header)}`;
    const findings = await scanFile(safetensorsFile(buildSafetensors(one, { headerText: text })));
    expect(ids(findings)).toEqual(['header-padding/leadingWhitespace']);
    expect(findings[0]).toMatchObject({ severity: 'low', data: { count: 2 }, location: { byteOffset: 8 } });
  });

  it('reports padding with tabs or newlines as low', async () => {
    const text = `${JSON.stringify(buildSafetensors(one).header)}\n\t  `;
    const findings = await scanFile(safetensorsFile(buildSafetensors(one, { headerText: text, pad: false })));
    expect(ids(findings)).toEqual(['header-padding/nonSpacePadding']);
    expect(findings[0]!.data).toEqual({ count: 2 });
  });
});
