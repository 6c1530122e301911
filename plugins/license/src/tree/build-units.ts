import type { DirectoryEntry, DirectoryHandle } from '@modelgate/plugin-api';
import { resolveLicense } from '../licenses/resolve.js';
import { classify, type FileRole } from './classify.js';
import { dirOf, ReadContext } from './read-context.js';
import { readDatasetInfoFile, readManifestFile, readModelcard, readProvenanceFile, readReadme } from './read-documents.js';
import { readLicense } from './read-license-files.js';
import { readWeights } from './read-weights.js';
import type { Problem, Unit } from './unit.js';

/** Most files of one role read in one scan. */
const MAX_PER_ROLE = 2000;

/** The models and datasets of a scan, and the problems met reading their documents. */
export interface Tree {
  readonly units: Unit[];
  readonly problems: Problem[];
}

/**
 * Reads every card, manifest, provenance file, licence file and weight header of the scan
 * (all bounded) and groups them into units, one per model or dataset directory. Model cards
 * are read first (they decide a directory's kind), licence files last (they attach to units).
 */
export async function buildUnits(directory: DirectoryHandle, signal: AbortSignal): Promise<Tree> {
  const cx = new ReadContext(directory);
  const byRole = new Map<FileRole, DirectoryEntry[]>();
  for (const entry of directory.files) {
    const role = entry.kind === 'file' ? classify(entry.name, entry.format) : undefined;
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), entry]);
  }
  const files = (...roles: FileRole[]): DirectoryEntry[] =>
    roles.flatMap((role) => (byRole.get(role) ?? []).slice(0, MAX_PER_ROLE)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const each = async (entries: DirectoryEntry[], read: (entry: DirectoryEntry) => Promise<unknown>): Promise<void> => {
    for (const entry of entries) {
      if (signal.aborted) return;
      await cx.guarded(entry, async () => void (await read(entry)));
    }
  };

  const plainReadmes: string[] = [];
  await each(files('card'), async (entry) => {
    const plain = await readReadme(cx, entry);
    if (plain) plainReadmes.push(plain);
  });
  await each(files('modelcard'), (entry) => readModelcard(cx, entry));
  await each(files('provenance'), (entry) => readProvenanceFile(cx, entry));
  const headersRead = new Map<Unit, number>();
  await each(files('gguf', 'safetensors', 'weights'), (entry) => readWeights(cx, entry, headersRead));
  await each(files('manifest'), (entry) => readManifestFile(cx, entry));
  await each(files('dataset_info'), (entry) => readDatasetInfoFile(cx, entry));
  const licenseFiles = files('license');
  const licenseDirs = new Set(licenseFiles.map((e) => dirOf(e.path)));
  await each(licenseFiles, (entry) => readLicense(cx, entry, licenseDirs));

  for (const path of plainReadmes) {
    const unit = cx.units.get(dirOf(path));
    if (unit) unit.primary ??= path;
  }
  for (const unit of cx.units.values()) {
    if (unit.dir !== '') unit.names.push(unit.dir.slice(unit.dir.lastIndexOf('/') + 1));
    for (const file of unit.licenseFiles) {
      const id = file.identification?.id;
      if (id) unit.declarations.push({ from: 'LICENSE', path: file.path, value: id, resolved: resolveLicense(id) });
    }
  }
  const units = [...cx.units.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  return { units, problems: cx.problems };
}
