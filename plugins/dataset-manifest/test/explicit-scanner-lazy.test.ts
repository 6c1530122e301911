import type { DirectoryHandle, ScanContext } from '@modelgate/plugin-api';
import { describe, expect, it, vi } from 'vitest';

const imported = vi.hoisted(() => ({ count: 0, scans: 0 }));
vi.mock('../src/scanners/explicit-scanner.js', () => {
  imported.count++;
  return { explicitManifestScanner: { scan: () => void imported.scans++ } };
});

const { default: plugin } = await import('../src/plugin.js');
const explicit = plugin.scanners.find((s) => s.id === 'manifest-explicit')!;
const scan = (options: Record<string, unknown>) => explicit.scan({} as DirectoryHandle & never, { options } as ScanContext);

describe('the manifest option scanner', () => {
  it('imports no code and does nothing when the manifest option is not set', async () => {
    await scan({});
    await scan({ maxDocumentBytes: 10 });
    expect(imported).toEqual({ count: 0, scans: 0 });
  });

  it('imports its code and scans once the option names a manifest', async () => {
    await scan({ manifest: 'MANIFEST.yaml' });
    expect(imported).toEqual({ count: 1, scans: 1 });
  });
});
