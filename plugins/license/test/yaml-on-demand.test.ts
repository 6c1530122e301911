import { describe, expect, it, vi } from 'vitest';

const imported = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/sources/yaml-library.js', async (original) => {
  imported.count++;
  return original();
});

const { parseFrontMatter } = await import('../src/sources/front-matter.js');

describe('front matter', () => {
  it('is recognised without the YAML library when a card has none', async () => {
    expect(await parseFrontMatter('# A model\n\n---\nlicense: mit\n---\n')).toEqual({ none: true });
    expect(await parseFrontMatter('')).toEqual({ none: true });
    expect(imported.count).toBe(0);
  });

  it('is parsed with the YAML library, imported on first use, after a byte order mark too', async () => {
    const front = await parseFrontMatter('\ufeff---\nlicense: mit\n---\n# A model\n');
    expect(imported.count).toBe(1);
    expect('keys' in front && front.keys.get('license')).toEqual([{ value: 'mit', line: 2, itemLines: [] }]);
  });
});
