import { MANIFEST_FILE_NAME } from '../format/constants.js';
import type { DocumentKind } from './model.js';

/** Basename globs of the documents the plugin reads (the directory scanner's filter). */
export const DOCUMENT_GLOBS = [
  MANIFEST_FILE_NAME,
  'MANIFEST.yaml',
  'MANIFEST.yml',
  'manifest.yaml',
  'manifest.yml',
  'provenance.yaml',
  'provenance.yml',
  'modelcard.yaml',
  'modelcard.yml',
  'model_card.yaml',
  'README.md',
  'metadata.json',
  'croissant.json',
  '*.croissant.json',
  '*.sig',
  '*.sigstore',
  '*.sigstore.json',
  'SHA256SUMS',
  'SHA256SUMS.txt',
  'sha256sums',
  'sha256sums.txt',
  '*.sha256',
  '*.sha256sum',
];

/** The kind of document a file name says, or undefined for other files. */
export function documentKind(name: string): DocumentKind | undefined {
  if (name === MANIFEST_FILE_NAME) return 'modelgate-manifest';
  if (/^(MANIFEST|manifest)\.ya?ml$/.test(name)) return 'dataset-manifest';
  if (/^provenance\.ya?ml$/.test(name)) return 'provenance';
  if (/^(modelcard\.ya?ml|model_card\.yaml)$/.test(name)) return 'model-card';
  if (name === 'README.md') return 'card-front-matter';
  if (name === 'metadata.json' || name === 'croissant.json' || name.endsWith('.croissant.json')) return 'croissant';
  if (/\.(sig|sigstore|sigstore\.json)$/.test(name)) return 'model-signing';
  if (/^(SHA256SUMS|sha256sums)(\.txt)?$/.test(name) || /\.sha256(sum)?$/.test(name)) return 'checksums';
  return undefined;
}

/** Kinds that may be something else under the same name: skipped silently when they are. */
export const OPTIONAL_KINDS: ReadonlySet<DocumentKind> = new Set(['card-front-matter', 'croissant', 'model-signing']);
