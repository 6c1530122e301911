import type { DirectoryScanner } from '@modelgate/plugin-api';
import { documentKind } from '../documents/kinds.js';
import { documentsScannerDeclaration } from './declarations.js';
import { dirnameOf } from '../paths.js';
import { runDocuments, type DocumentTarget } from './run-documents.js';

/**
 * Finds every manifest, provenance file, card, Croissant file, model signature and checksum
 * file of the scan and checks each against the files around it. Root scope: documents list files
 * in subdirectories, and completeness needs every file below them. The plugin's entry does not
 * call it when the `manifest` option names one manifest to check instead (see `plugin.ts`).
 */
export const documentsScanner: DirectoryScanner = {
  ...documentsScannerDeclaration,
  async scan(directory, ctx) {
    const targets: DocumentTarget[] = [];
    for (const file of directory.files) {
      const kind = documentKind(file.name);
      if (kind) targets.push({ path: file.path, baseDir: dirnameOf(file.path), kind });
    }
    await runDocuments(directory, ctx, targets);
  },
};
