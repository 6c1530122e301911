import type { DirectoryScanner, FileScanner } from '@modelgate/plugin-api';

/** Name pattern of sharded-checkpoint indexes (`model.safetensors.index.json`). */
export const INDEX_SUFFIX = '.safetensors.index.json';

/** Which files the file scanner wants: by extension or sniffed format. */
export const fileScannerDeclaration = {
  id: 'safetensors-file',
  scope: 'file',
  filter: { include: ['*.safetensors'], formats: ['safetensors'] },
} satisfies Omit<FileScanner, 'scan'>;

/** Directories holding a shard index. */
export const shardIndexScannerDeclaration = {
  id: 'safetensors-shard-index',
  scope: 'directory',
  digests: false,
  filter: { include: [`*${INDEX_SUFFIX}`] },
} satisfies Omit<DirectoryScanner, 'scan'>;
