import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/text/decode.js';

describe('decodeText', () => {
  it('drops a character that a bounded read cut short, and only when the read was truncated', () => {
    const cut = Buffer.from('MIT License €').subarray(0, -1); // the euro sign loses its last byte
    expect(decodeText(cut, true)).toEqual({ text: 'MIT License ' });
    expect(decodeText(cut, false)).toEqual({ notText: 'invalid-utf8' });
    expect(decodeText(Buffer.from('MIT License €'), true)).toEqual({ text: 'MIT License €' });
  });

  it('says why bytes are not text, and drops a byte order mark', () => {
    expect(decodeText(Uint8Array.from([0x61, 0x00]))).toEqual({ notText: 'nul-bytes' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a' });
  });
});
