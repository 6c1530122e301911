import { API_VERSION, definePlugin } from '@modelgate/plugin-api';
import { optionsSchema } from './options.js';
import { rules } from './rules/index.js';
import { documentsScanner } from './scanners/documents-scanner.js';
import { explicitManifestScanner } from './scanners/explicit-scanner.js';

/** Package version; a test keeps it equal to package.json's. */
export const PLUGIN_VERSION = '0.1.0';

/**
 * `@modelgate/plugin-dataset-manifest`: checks models and datasets against what their authors
 * declared (manifests, provenance, cards, Croissant metadata, OpenSSF model signatures and
 * sha256sum files) using the digests the engine computed, offline.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: {
    name: '@modelgate/plugin-dataset-manifest',
    version: PLUGIN_VERSION,
    namespace: 'manifest',
  },
  rules,
  scanners: [documentsScanner, explicitManifestScanner],
  optionsSchema,
});

export default plugin;
export { ALL_RULES } from './rules/index.js';
export { MANIFEST_FILE_NAME, MANIFEST_VERSION } from './format/constants.js';
export { writeManifest, type ManifestFile } from './format/write-manifest.js';
export { fastReadManifest, type FastManifest } from './format/fast-read.js';
export { DOCUMENT_GLOBS, documentKind } from './documents/kinds.js';
export type { ManifestOptions } from './options.js';
