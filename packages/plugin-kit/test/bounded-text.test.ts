import { describe, expect, it } from 'vitest';
import { readTextBounded } from '../src/bounded-text.js';
import { MemoryFile } from '../src/testing/index.js';

describe('readTextBounded', () => {
  it('calls text cut by the bound in the middle of a character text, wherever the cut falls', async () => {
    for (const char of ['é', '€', '😀']) {
      for (let shift = 0; shift < 4; shift++) {
        const bytes = new Uint8Array(Buffer.from('a'.repeat(100 + shift) + char.repeat(10)));
        const read = await readTextBounded(new MemoryFile('notes.md', bytes, { format: 'text' }), 106);
        expect(read, `${char}, shift ${shift}`).toMatchObject({ truncated: true, binary: false });
      }
    }
  });

  it('calls NUL bytes and invalid UTF-8 binary', async () => {
    for (const bytes of [[0x61, 0x00, 0x62], [0x61, 0xc3, 0x28, 0x61]]) {
      const read = await readTextBounded(new MemoryFile('x.txt', Uint8Array.from(bytes), { format: 'binary' }));
      expect(read.binary).toBe(true);
    }
  });
});
