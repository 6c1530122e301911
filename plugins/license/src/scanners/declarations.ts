import type { DirectoryScanner } from '@modelgate/plugin-api';
import { TRIGGER_GLOBS } from '../tree/trigger-globs.js';

/**
 * Runs once at the scan root over every file of the scan (cards anywhere may name datasets
 * anywhere), when any trigger file exists.
 */
export const licenseScannerDeclaration = {
  id: 'license-tree',
  scope: 'directory',
  digests: false,
  filter: { include: TRIGGER_GLOBS, root: true },
} satisfies Omit<DirectoryScanner, 'scan'>;
