import type { DirectoryHandle } from '@modelgate/plugin-api';
import { documentKind } from '../documents/kinds.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const DASHES = [0x2d, 0x2d, 0x2d];

/**
 * Whether the documents scanner has something to read below `directory`: any document but a
 * Markdown card whose first line cannot open front matter (a README.md not starting with `---`),
 * which it would skip. Reads at most 6 bytes per README. A README that cannot be read counts, so
 * that the scanner itself reports why.
 */
export async function hasDocumentsToRead(directory: DirectoryHandle): Promise<boolean> {
  for (const file of directory.files) {
    const kind = documentKind(file.name);
    if (kind === undefined) continue;
    if (kind !== 'card-front-matter' || (await mayOpenFrontMatter(directory, file.path))) return true;
  }
  return false;
}

async function mayOpenFrontMatter(directory: DirectoryHandle, path: string): Promise<boolean> {
  let head: Uint8Array;
  try {
    head = await (await directory.open(path)).read(0, UTF8_BOM.length + DASHES.length);
  } catch {
    return true;
  }
  const start = UTF8_BOM.every((byte, i) => head[i] === byte) ? UTF8_BOM.length : 0;
  return DASHES.every((byte, i) => head[start + i] === byte);
}
