import { isAbsolute } from 'node:path';
import type { DirectoryScanner } from '@modelgate/plugin-api';
import { documentKind } from '../documents/kinds.js';
import { readOptions } from '../options.js';
import { basenameOf, classifyPath, dirnameOf, resolvePath } from '../paths.js';
import { runDocuments } from './run-documents.js';
import { explicitManifestScannerDeclaration } from './declarations.js';

/**
 * Checks the one manifest named by the `manifest` option (`modelgate manifest verify`) against
 * the scan root. A root-relative path is a file of the scan (its paths are relative to its own
 * directory); an absolute path is a reference kept outside the scan (its paths are relative to
 * the scan root). Runs for any scan with a file in it, and does nothing without the option.
 */
export const explicitManifestScanner: DirectoryScanner = {
  ...explicitManifestScannerDeclaration,
  async scan(directory, ctx) {
    const { manifest } = readOptions(ctx.options);
    if (manifest === undefined) return;
    const name = basenameOf(manifest.replace(/\\/g, '/'));
    const kind = documentKind(name) ?? 'dataset-manifest';
    if (isAbsolute(manifest)) {
      await runDocuments(directory, ctx, [{ path: manifest, baseDir: '', kind, external: true }]);
      return;
    }
    const path = classifyPath(manifest) ? undefined : resolvePath('', manifest);
    if (path === undefined || directory.lookup(path)?.kind !== 'file') {
      ctx.fail('MANIFEST_NOT_FOUND', `${manifest}: the manifest to verify is not a file of the scan`);
      return;
    }
    await runDocuments(directory, ctx, [{ path, baseDir: dirnameOf(path), kind }]);
  },
};
