import type { DirectoryScanner } from '@modelgate/plugin-api';
import { DEPENDENCY_FILE_GLOBS } from '../parse/classify.js';

/** Every dependency file of the scan, read together so includes can be followed (root scope). */
export const requirementsScannerDeclaration = {
  id: 'requirements',
  scope: 'directory',
  digests: false,
  filter: { include: DEPENDENCY_FILE_GLOBS, root: true },
} satisfies Omit<DirectoryScanner, 'scan'>;
