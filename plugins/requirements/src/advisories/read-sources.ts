import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { IndexBuilder } from './build-index.js';
import type { AdvisoryIndexFile } from './types.js';

/** Limits when reading an advisory dump, which is data from outside like anything else. */
export const DUMP_LIMITS = {
  /** Largest single OSV record read. */
  maxRecordBytes: 16 * 1024 * 1024,
  /** Most records read from one dump. */
  maxRecords: 1_000_000,
  /** Largest zip read, and most bytes it may inflate to. */
  maxZipBytes: 1024 * 1024 * 1024,
  maxInflatedBytes: 8 * 1024 * 1024 * 1024,
};

const OSV_FILE = /\.(json|ya?ml)$/i;

/** Builds an index from a directory of OSV JSON/YAML files (any depth, e.g. PyPA's `vulns/<pkg>/`). */
export async function indexFromDirectory(dir: string, importedAt?: string): Promise<AdvisoryIndexFile> {
  const builder = new IndexBuilder();
  let records = 0;
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(full);
      else if (entry.isFile() && OSV_FILE.test(entry.name)) {
        if (++records > DUMP_LIMITS.maxRecords) throw new Error(`more than ${DUMP_LIMITS.maxRecords} files in ${dir}`);
        if ((await stat(full)).size > DUMP_LIMITS.maxRecordBytes) continue;
        builder.addText(entry.name, await readFile(full, 'utf8'));
      }
    }
  };
  await walk(dir);
  return builder.build({ kind: 'osv-directory', location: dir, ...(importedAt && { importedAt }) });
}

/** Builds an index from an OSV zip dump (`all.zip`): every `.json`/`.yaml` member, within {@link DUMP_LIMITS}. */
export function indexFromZipBytes(bytes: Uint8Array, location: string, kind = 'osv-zip', importedAt?: string): AdvisoryIndexFile {
  if (bytes.length > DUMP_LIMITS.maxZipBytes) throw new Error(`${location}: zip larger than ${DUMP_LIMITS.maxZipBytes} bytes`);
  let members = 0;
  let inflated = 0;
  const files = unzipSync(bytes, {
    filter(file) {
      if (!OSV_FILE.test(file.name) || file.originalSize > DUMP_LIMITS.maxRecordBytes) return false;
      if (++members > DUMP_LIMITS.maxRecords) throw new Error(`${location}: more than ${DUMP_LIMITS.maxRecords} members`);
      inflated += file.originalSize;
      if (inflated > DUMP_LIMITS.maxInflatedBytes) throw new Error(`${location}: inflates to more than ${DUMP_LIMITS.maxInflatedBytes} bytes`);
      return true;
    },
  });
  const builder = new IndexBuilder();
  const decoder = new TextDecoder();
  for (const name of Object.keys(files).sort()) builder.addText(name, decoder.decode(files[name]));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return builder.build({ kind, location, sha256, ...(importedAt && { importedAt }) });
}

/** Builds an index from an OSV zip file on disk. */
export async function indexFromZipFile(path: string, importedAt?: string): Promise<AdvisoryIndexFile> {
  const size = (await stat(path)).size;
  if (size > DUMP_LIMITS.maxZipBytes) throw new Error(`${path}: zip larger than ${DUMP_LIMITS.maxZipBytes} bytes`);
  return indexFromZipBytes(new Uint8Array(await readFile(path)), path, 'osv-zip', importedAt);
}
