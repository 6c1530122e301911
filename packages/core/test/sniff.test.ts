import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../src/sniff.js';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

function safetensorsHead(header: string): Uint8Array {
  const out = new Uint8Array(8 + header.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(header.length), true);
  out.set(Buffer.from(header), 8);
  return out;
}

describe('sniffFormat', () => {
  it.each([
    ['zip', bytes('PK', [3, 4], 'rest')],
    ['zip', bytes('PK', [5, 6], '')],
    ['npy', bytes([0x93], 'NUMPY', [1, 0])],
    ['gzip', bytes([0x1f, 0x8b, 8, 0])],
    ['bz2', bytes('BZh9', [0x31, 0x41])],
    ['xz', bytes([0xfd], '7zXZ', [0])],
    ['7z', bytes('7z', [0xbc, 0xaf, 0x27, 0x1c])],
    ['gguf', bytes('GGUF', [3, 0, 0, 0])],
    ['pickle', bytes([0x80, 0x02], ']q.')],
    ['pickle', bytes([0x80, 0x05, 0x95])],
    ['json', bytes('  {"a": 1}')],
    ['text', bytes('hello world\n')],
    ['binary', bytes([0, 1, 2, 3, 0xff])],
  ])('recognises %s by content', (format, head) => {
    expect(sniffFormat(head, head.length + 100, 0x2e)).toBe(format);
  });

  it('recognises tar by the ustar magic at offset 257', () => {
    const head = new Uint8Array(512);
    head.set(Buffer.from('ustar'), 257);
    expect(sniffFormat(head, 1024)).toBe('tar');
  });

  it('recognises safetensors by a plausible header length followed by {', () => {
    const head = safetensorsHead('{"__metadata__":{}}');
    expect(sniffFormat(head, head.length)).toBe('safetensors');
    // a length pointing past the end of the file is not safetensors by content
    expect(sniffFormat(head, 10)).not.toBe('safetensors');
  });

  it('prefers safetensors when a header length happens to start like a pickle PROTO opcode', () => {
    const header = `{"a":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}`.padEnd(0x280, ' ');
    const head = safetensorsHead(header);
    expect([head[0], head[1]]).toEqual([0x80, 0x02]);
    expect(sniffFormat(head, head.length + 2)).toBe('safetensors');
  });

  it('recognises protocol 0 pickles, which are text, by their GLOBAL opcode and final STOP', () => {
    const pickle = bytes("cos\nsystem\n(S'id'\ntR.");
    expect(sniffFormat(pickle, pickle.length, 0x2e)).toBe('pickle');
    const prose = bytes('cats are nice.');
    expect(sniffFormat(prose, prose.length, 0x2e)).toBe('text');
  });

  it('calls UTF-8 text text wherever the sniffing window cuts it, and invalid UTF-8 binary', () => {
    const euro = '€'; // 3 bytes
    const emoji = '😀'; // 4 bytes
    for (let pad = 0; pad < 8; pad++) {
      for (const char of [euro, emoji, 'é']) {
        const text = Buffer.from('a'.repeat(4096 - 8 + pad) + char.repeat(4) + ' and more text after the window\n');
        const head = text.subarray(0, 4096);
        expect(sniffFormat(head, text.length), `${char} at ${4096 - 8 + pad}`).toBe('text');
      }
    }
    const invalid = Buffer.concat([Buffer.from('a'.repeat(100)), Buffer.from([0xc3, 0x28]), Buffer.from('tail\n')]);
    expect(sniffFormat(invalid, invalid.length)).toBe('binary');
    const cutAtEndOfFile = Buffer.concat([Buffer.from('a'.repeat(100)), Buffer.from([0xe2, 0x82])]);
    expect(sniffFormat(cutAtEndOfFile, cutAtEndOfFile.length)).toBe('text');
  });

  it('calls a zero-length file empty', () => {
    expect(sniffFormat(new Uint8Array(0), 0)).toBe('empty');
  });
});
