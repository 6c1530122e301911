import { MANIFEST_VERSION } from './constants.js';
import { quote } from './quote.js';

/** One file of a created manifest. */
export interface ManifestFile {
  /** Posix path relative to the manifest's directory. */
  path: string;
  size: number;
  /** Lower-case hex. */
  sha256: string;
}

/**
 * Serialises a modelgate manifest (see the README, "Manifest format"). Deterministic: entries
 * sorted by path (code unit order), no timestamps, every string quoted, LF line endings. The
 * same input gives the same bytes, so manifests can be diffed and committed.
 */
export function writeManifest(files: readonly ManifestFile[], tool: string): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const lines = [
    '# modelgate manifest: every file of this directory with its size and sha256.',
    '# Check it with: modelgate manifest verify <directory>',
    `manifest_version: ${MANIFEST_VERSION}`,
    `tool: ${quote(tool)}`,
    'complete: true',
    sorted.length ? 'files:' : 'files: []',
  ];
  for (const file of sorted) {
    if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new Error(`not a sha256: ${file.sha256}`);
    if (!Number.isSafeInteger(file.size) || file.size < 0) throw new Error(`not a size: ${file.size}`);
    lines.push(`  - path: ${quote(file.path)}`, `    size: ${file.size}`, `    sha256: "${file.sha256}"`);
  }
  return `${lines.join('\n')}\n`;
}
