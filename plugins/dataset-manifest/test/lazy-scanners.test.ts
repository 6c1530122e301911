import type { DirectoryEntry, DirectoryHandle, FileHandle, ScanContext } from '@modelgate/plugin-api';
import { describe, expect, it, vi } from 'vitest';

/** How often each lazily imported scanner module was imported, and its scan called. */
const imported = vi.hoisted(() => ({ explicit: { count: 0, scans: 0 }, documents: { count: 0, scans: 0 } }));
vi.mock('../src/scanners/explicit-scanner.js', () => {
  imported.explicit.count++;
  return { explicitManifestScanner: { scan: () => void imported.explicit.scans++ } };
});
vi.mock('../src/scanners/documents-scanner.js', () => {
  imported.documents.count++;
  return { documentsScanner: { scan: () => void imported.documents.scans++ } };
});

const { default: plugin } = await import('../src/plugin.js');
const explicit = plugin.scanners.find((s) => s.id === 'manifest-explicit')!;
const documents = plugin.scanners.find((s) => s.id === 'manifest-documents')!;

describe('the manifest option scanner', () => {
  const scan = (options: Record<string, unknown>) => explicit.scan({} as DirectoryHandle & never, { options } as ScanContext);

  it('imports no code and does nothing when the manifest option is not set', async () => {
    await scan({});
    await scan({ maxDocumentBytes: 10 });
    expect(imported.explicit).toEqual({ count: 0, scans: 0 });
  });

  it('imports its code and scans once the option names a manifest', async () => {
    await scan({ manifest: 'MANIFEST.yaml' });
    expect(imported.explicit).toEqual({ count: 1, scans: 1 });
  });
});

/** A directory of in-memory files; `unreadable` names files whose open fails. */
function directory(contents: Record<string, string>, unreadable: string[] = []): DirectoryHandle {
  const files: DirectoryEntry[] = Object.entries(contents).map(([path, text]) => ({ name: path.split('/').pop()!, path, size: text.length, kind: 'file' }));
  return {
    path: '',
    entries: files,
    files,
    lookup: (path) => files.find((f) => f.path === path),
    open: async (path) => {
      if (unreadable.includes(path)) throw new Error('EACCES: permission denied');
      const bytes = Buffer.from(contents[path]!);
      return { read: async (offset: number, length: number) => bytes.subarray(offset, offset + length) } as unknown as FileHandle;
    },
  };
}

async function scanCount(dir: DirectoryHandle, options: Record<string, unknown> = {}): Promise<number> {
  const before = imported.documents.scans;
  await documents.scan(dir, { options } as ScanContext);
  return imported.documents.scans - before;
}

describe('the documents scanner', () => {
  it('imports no code when the only documents are READMEs without front matter', async () => {
    expect(await scanCount(directory({ 'README.md': '# A model\n\n---\n', 'sub/README.md': '\ufeff# Title\n', 'config.json': '{}' }))).toBe(0);
    expect(await scanCount(directory({ 'weights.bin': 'x' }))).toBe(0);
    expect(imported.documents.count).toBe(0);
  });

  it('scans a README with front matter, after a byte order mark too', async () => {
    expect(await scanCount(directory({ 'README.md': '---\nlicense: mit\n---\n# A model\n' }))).toBe(1);
    expect(await scanCount(directory({ 'README.md': '\ufeff---\nlicense: mit\n---\n' }))).toBe(1);
    expect(imported.documents.count).toBe(1);
  });

  it('scans any other document, and a README it cannot read so that the scan reports it', async () => {
    expect(await scanCount(directory({ 'README.md': '# no card', SHA256SUMS: '' }))).toBe(1);
    expect(await scanCount(directory({ 'MANIFEST.yaml': 'files: []\n' }))).toBe(1);
    expect(await scanCount(directory({ 'README.md': '---\n' }, ['README.md']))).toBe(1);
  });

  it('leaves the scan to the manifest option when it is set', async () => {
    expect(await scanCount(directory({ 'MANIFEST.yaml': 'files: []\n' }), { manifest: 'MANIFEST.yaml' })).toBe(0);
  });
});
