/**
 * Which models and datasets a report's files hold: weight files by their sniffed format (shards
 * of one checkpoint grouped), PyTorch and NumPy zips by their members, data files by extension.
 */
import type { Report, ReportFile } from '@modelgate/plugin-api';
import { compareStrings } from '../canonical.js';

/** A file that belongs to an asset. */
export interface AssetFile {
  path: string;
  member?: string;
  size: number;
  sha256?: string;
  format?: string;
}

/** A model or dataset found in the scanned tree. */
export interface Asset {
  kind: 'model' | 'dataset';
  /** Unique within the BOM. */
  bomRef: string;
  /** The logical name: the file path, or for shards the checkpoint path without the shard suffix. */
  name: string;
  /** The directory the asset is in (root-relative, '' for the root). */
  directory: string;
  /** Format label: safetensors, gguf, pickle, pytorch, npy, npz, csv, parquet, … */
  format: string;
  files: AssetFile[];
  /** For sharded checkpoints: the shard count the file names declare. */
  shardsExpected?: number;
  /** A name given by a manifest or card (datasets named but not found as files). */
  declaredName?: string;
}

const MODEL_FORMATS = new Set(['safetensors', 'gguf', 'npy', 'pickle']);
const DATA_EXTENSIONS: Readonly<Record<string, string>> = {
  csv: 'csv', tsv: 'tsv', parquet: 'parquet', jsonl: 'jsonl', ndjson: 'jsonl', arrow: 'arrow', feather: 'arrow',
};
const SHARD = /^(?<stem>.+?)-(?<index>\d{1,6})-of-(?<count>\d{1,6})(?<ext>(?:\.[A-Za-z0-9]+)+)$/u;

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extension(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function toAssetFile(file: ReportFile): AssetFile {
  return {
    path: file.path,
    ...(file.member !== undefined && { member: file.member }),
    size: file.size,
    ...(file.sha256 !== undefined && { sha256: file.sha256 }),
    ...(file.format !== undefined && { format: file.format }),
  };
}

/** The format of a zip judged by its members: a PyTorch checkpoint (`…/data.pkl`), an `.npz`, or neither. */
function zipKind(members: readonly ReportFile[]): 'pytorch' | 'npz' | undefined {
  const direct = members.filter((m) => m.member !== undefined && !m.member.includes('!/'));
  if (direct.some((m) => m.member === 'data.pkl' || /^[^/]+\/data\.pkl$/u.test(m.member ?? ''))) return 'pytorch';
  if (direct.length > 0 && direct.every((m) => m.format === 'npy')) return 'npz';
  return undefined;
}

/**
 * The models and datasets among a report's files, sorted by bom-ref.
 *
 * @param report - the report.
 * @returns the assets found.
 */
export function findAssets(report: Report): Asset[] {
  const disk = report.files.filter((f) => f.member === undefined && f.status !== 'skipped');
  const membersOf = new Map<string, ReportFile[]>();
  for (const file of report.files) {
    if (file.member === undefined) continue;
    const list = membersOf.get(file.path) ?? [];
    list.push(file);
    membersOf.set(file.path, list);
  }
  const assets: Asset[] = [];
  const shards = new Map<string, Asset>();
  const model = (file: ReportFile, format: string, name = file.member === undefined ? file.path : `${file.path}!/${file.member}`): Asset => ({
    kind: 'model', bomRef: `model:${name}`, name, directory: dirname(file.path), format, files: [toAssetFile(file)],
  });

  for (const file of disk) {
    const format = file.format ?? '';
    if (MODEL_FORMATS.has(format)) {
      const match = SHARD.exec(basename(file.path));
      if (match?.groups) {
        const { stem, count, ext } = match.groups as { stem: string; count: string; ext: string };
        const name = `${dirname(file.path) ? `${dirname(file.path)}/` : ''}${stem}${ext}`;
        const group = shards.get(name) ?? { ...model(file, format, name), files: [], shardsExpected: Number(count) };
        group.files.push(toAssetFile(file));
        shards.set(name, group);
      } else {
        assets.push(model(file, format));
      }
      continue;
    }
    if (format === 'zip') {
      const kind = zipKind(membersOf.get(file.path) ?? []);
      if (kind !== undefined) {
        assets.push(model(file, kind));
        continue;
      }
      // A plain archive: models inside it are assets of their own.
      for (const member of membersOf.get(file.path) ?? []) {
        if (MODEL_FORMATS.has(member.format ?? '')) assets.push(model(member, member.format ?? ''));
      }
      continue;
    }
    if (['tar', 'gzip', 'bz2', 'xz'].includes(format)) {
      for (const member of membersOf.get(file.path) ?? []) {
        if (MODEL_FORMATS.has(member.format ?? '')) assets.push(model(member, member.format ?? ''));
      }
      continue;
    }
    const dataFormat = DATA_EXTENSIONS[extension(file.path)];
    if (dataFormat !== undefined && file.member === undefined) {
      assets.push({ kind: 'dataset', bomRef: `dataset:${file.path}`, name: file.path, directory: dirname(file.path), format: dataFormat, files: [toAssetFile(file)] });
    }
  }
  // Shard indexes (`model.safetensors.index.json`) belong to their checkpoint.
  for (const group of shards.values()) {
    const index = disk.find((f) => f.path === `${group.name}.index.json` || f.path === `${group.name.replace(/\.[^./]+$/u, '')}.index.json`);
    if (index) group.files.push(toAssetFile(index));
    group.files.sort((a, b) => compareStrings(a.path, b.path));
    assets.push(group);
  }
  return assets.sort((a, b) => compareStrings(a.bomRef, b.bomRef));
}
