import { API_VERSION, definePlugin, type DirectoryScanner } from '@modelgate/plugin-api';
import { lazyScanner } from '@modelgate/plugin-kit';
import { optionsSchema, readOptions } from './options.js';
import { rules } from './rules/index.js';
import { documentsScannerDeclaration, explicitManifestScannerDeclaration } from './scanners/declarations.js';
import { hasDocumentsToRead } from './scanners/documents-gate.js';

export const PLUGIN_VERSION = '0.1.0';

const lazyExplicitManifestScanner = lazyScanner<DirectoryScanner>(explicitManifestScannerDeclaration, () =>
  import('./scanners/explicit-scanner.js').then((m) => m.explicitManifestScanner.scan),
);

/**
 * The `manifest` option's scanner. Its filter selects every scan root, as the option can name
 * any file; without the option it has nothing to do, so its code is not even imported.
 */
const explicitManifestScanner: DirectoryScanner = {
  ...lazyExplicitManifestScanner,
  scan: (directory, ctx) => (readOptions(ctx.options).manifest === undefined ? undefined : lazyExplicitManifestScanner.scan(directory, ctx)),
};

const lazyDocumentsScanner = lazyScanner<DirectoryScanner>(documentsScannerDeclaration, () =>
  import('./scanners/documents-scanner.js').then((m) => m.documentsScanner.scan),
);

/**
 * The documents scanner. It needs digests, so it runs after the last file is hashed, on the
 * scan's critical path; when there is nothing it would read (most often a README.md with no
 * front matter and no other document), it returns without importing its parsers.
 */
const documentsScanner: DirectoryScanner = {
  ...lazyDocumentsScanner,
  scan: async (directory, ctx) => {
    if (readOptions(ctx.options).manifest !== undefined || !(await hasDocumentsToRead(directory))) return;
    await lazyDocumentsScanner.scan(directory, ctx);
  },
};

/**
 * The plugin as modelgate loads it: rules and scanner filters are declared here; each scanner's
 * code is imported on its first scan, so loading the plugin (in the main thread and in every
 * worker) stays cheap.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: {
    name: '@modelgate/plugin-dataset-manifest',
    version: PLUGIN_VERSION,
    namespace: 'manifest',
  },
  rules,
  scanners: [
    documentsScanner,
    explicitManifestScanner,
  ],
  optionsSchema,
});

export default plugin;
