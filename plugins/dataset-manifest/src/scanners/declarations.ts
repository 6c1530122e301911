import type { DirectoryScanner } from '@modelgate/plugin-api';
import { DOCUMENT_GLOBS } from '../documents/kinds.js';

/** Every manifest-like document of the scan, checked against the files around it (root scope). */
export const documentsScannerDeclaration = {
  id: 'manifest-documents',
  scope: 'directory',
  filter: { include: DOCUMENT_GLOBS, root: true },
} satisfies Omit<DirectoryScanner, 'scan'>;

/** The manifest named by `--manifest` / `pluginOptions.manifest`, if any (root scope). */
export const explicitManifestScannerDeclaration = {
  id: 'manifest-explicit',
  scope: 'directory',
  filter: { include: ['*'], root: true },
} satisfies Omit<DirectoryScanner, 'scan'>;
