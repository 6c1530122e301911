import { API_VERSION, definePlugin, type DirectoryHandle, type DirectoryScanner, type ScanContext } from '@modelgate/plugin-api';
import { lazyScanner } from '@modelgate/plugin-kit';
import { optionsSchema, readOptions } from './options.js';
import { rules } from './rules/index.js';
import { documentsScannerDeclaration, explicitManifestScannerDeclaration } from './scanners/declarations.js';
import { hasDocumentsToRead } from './scanners/documents-gate.js';

export const PLUGIN_VERSION = '0.1.0';

/**
 * A lazy scanner that first asks `shouldScan`: when it says no, the scan returns without importing
 * the scanner's code.
 */
function gated(lazy: DirectoryScanner, shouldScan: (directory: DirectoryHandle, ctx: ScanContext) => boolean | Promise<boolean>): DirectoryScanner {
  return { ...lazy, scan: async (directory, ctx) => ((await shouldScan(directory, ctx)) ? lazy.scan(directory, ctx) : undefined) };
}

const manifestOption = (ctx: ScanContext) => readOptions(ctx.options).manifest;

/**
 * The `manifest` option's scanner. Its filter selects every scan root, as the option can name
 * any file; without the option it has nothing to do.
 */
const explicitManifestScanner = gated(
  lazyScanner<DirectoryScanner>(explicitManifestScannerDeclaration, () => import('./scanners/explicit-scanner.js').then((m) => m.explicitManifestScanner.scan)),
  (_, ctx) => manifestOption(ctx) !== undefined,
);

/**
 * The documents scanner, idle when the `manifest` option names one manifest to check instead. It
 * needs digests, so it runs after the last file is hashed, on the scan's critical path; when
 * there is nothing it would read (most often a README.md with no front matter and no other
 * document), it returns without importing its parsers.
 */
const documentsScanner = gated(
  lazyScanner<DirectoryScanner>(documentsScannerDeclaration, () => import('./scanners/documents-scanner.js').then((m) => m.documentsScanner.scan)),
  async (directory, ctx) => manifestOption(ctx) === undefined && (await hasDocumentsToRead(directory)),
);

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
