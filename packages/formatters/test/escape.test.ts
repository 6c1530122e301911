import { describe, expect, it } from 'vitest';
import { escapePath, escapeTerminal } from '../src/index.js';
import { displayWidth, wrapText } from '../src/text-width.js';

describe('escapeTerminal', () => {
  it('escapes controls, DEL, C1, bidi and zero-width characters, and backslash', () => {
    expect(escapeTerminal('a\nb\rc\td\\e')).toBe('a\\nb\\rc\\td\\\\e');
    expect(escapeTerminal('\u001b[31m\u0000\u0007\u007f\u009b')).toBe('\\x1b[31m\\x00\\x07\\x7f\\x9b');
    expect(escapeTerminal('x\u202ey\u2066z\u200b\ufeff')).toBe('x\\u{202e}y\\u{2066}z\\u{200b}\\u{feff}');
    expect(escapeTerminal('\u2028\u2029')).toBe('\\u{2028}\\u{2029}');
    expect(escapeTerminal('lone\ud800')).toBe('lone\\u{d800}');
  });

  it('keeps printable text, including non-ASCII', () => {
    const text = 'mödel 模型 😀 café';
    expect(escapeTerminal(text)).toBe(text);
  });
});

describe('escapePath', () => {
  it('leaves simple paths alone', () => {
    expect(escapePath('models/bert/pytorch_model.bin')).toBe('models/bert/pytorch_model.bin');
    expect(escapePath('模型/mödel.pkl')).toBe('模型/mödel.pkl');
  });

  it('quotes paths with spaces, quotes or escapes', () => {
    expect(escapePath('my model.bin')).toBe('"my model.bin"');
    expect(escapePath('say "hi".pkl')).toBe('"say \\"hi\\".pkl"');
    expect(escapePath('a\nb')).toBe('"a\\nb"');
    expect(escapePath('$(rm -rf).pkl')).toBe('"$(rm -rf).pkl"');
    expect(escapePath('')).toBe('""');
  });
});

describe('text width and wrapping', () => {
  it('measures wide and combining characters', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('模型')).toBe(4);
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('wraps at spaces and slashes, breaking over-long words', () => {
    expect(wrapText('short', 10)).toEqual(['short']);
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('a/b/c/d/e', 4)).toEqual(['a/b/', 'c/d/', 'e']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('模型模型模', 4)).toEqual(['模型', '模型', '模']);
    expect(wrapText('', 4)).toEqual(['']);
    for (const line of wrapText('x'.repeat(50) + ' y z', 7)) expect(displayWidth(line)).toBeLessThanOrEqual(7);
  });
});
