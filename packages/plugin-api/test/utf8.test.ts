import { describe, expect, it } from 'vitest';
import { isUtf8Text } from '../src/utf8.js';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text));

describe('isUtf8Text', () => {
  it('accepts UTF-8 without NUL, and refuses NUL and invalid sequences', () => {
    expect(isUtf8Text(utf8('plain text, café, 日本語, 😀\n'), false)).toBe(true);
    expect(isUtf8Text(Uint8Array.from([0x61, 0x00, 0x62]), false)).toBe(false);
    expect(isUtf8Text(Uint8Array.from([0x61, 0xc3, 0x28]), false)).toBe(false);
    expect(isUtf8Text(Uint8Array.from([0xff, 0xfe, 0x61]), true)).toBe(false);
  });

  it('with `cut`, forgives a character cut short at the end, and only that', () => {
    for (const char of ['é', '€', '😀']) {
      const whole = utf8(`text ${char}`);
      for (let cutBytes = 1; cutBytes < Buffer.byteLength(char); cutBytes++) {
        const cut = whole.subarray(0, whole.length - cutBytes);
        expect(isUtf8Text(cut, true), `${char} missing ${cutBytes}`).toBe(true);
        expect(isUtf8Text(cut, false), `${char} missing ${cutBytes}, not cut`).toBe(false);
      }
      // a complete character at the very end is checked, not dropped
      expect(isUtf8Text(whole, true)).toBe(true);
    }
    // an invalid byte just before the end is not forgiven
    expect(isUtf8Text(Uint8Array.from([0x61, 0x80, 0x61, 0x61]), true)).toBe(false);
  });
});
