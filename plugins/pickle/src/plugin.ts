import { API_VERSION, definePlugin, type FileScanner } from '@modelgate/plugin-api';
import { lazyScanner } from '@modelgate/plugin-kit';
import { optionsSchema } from './options.js';
import { rules } from './rules/index.js';
import { pickleScannerDeclaration, sevenZipScannerDeclaration } from './scanners/declarations.js';

export const PLUGIN_VERSION = '0.1.0';

/**
 * The plugin as modelgate loads it: rules and scanner filters are declared here; each scanner's
 * code is imported on its first scan, so loading the plugin (in the main thread and in every
 * worker) stays cheap.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: { name: '@modelgate/plugin-pickle', version: PLUGIN_VERSION, namespace: 'pickle' },
  rules,
  scanners: [
    lazyScanner<FileScanner>(pickleScannerDeclaration, () => import('./scanners/pickle-scanner.js').then((m) => m.pickleScanner.scan)),
    lazyScanner<FileScanner>(sevenZipScannerDeclaration, () => import('./scanners/sevenzip-scanner.js').then((m) => m.sevenZipScanner.scan)),
  ],
  optionsSchema,
});

export default plugin;
