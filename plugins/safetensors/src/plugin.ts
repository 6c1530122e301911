import { API_VERSION, definePlugin, type DirectoryScanner, type FileScanner } from '@modelgate/plugin-api';
import { lazyScanner } from '@modelgate/plugin-kit';
import { rules } from './rules/index.js';
import { fileScannerDeclaration, shardIndexScannerDeclaration } from './scanners/declarations.js';

export const PLUGIN_VERSION = '0.1.0';

/**
 * The plugin as modelgate loads it: rules and scanner filters are declared here; each scanner's
 * code is imported on its first scan, so loading the plugin (in the main thread and in every
 * worker) stays cheap.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: {
    name: '@modelgate/plugin-safetensors',
    version: PLUGIN_VERSION,
    namespace: 'safetensors',
  },
  rules,
  scanners: [
    lazyScanner<FileScanner>(fileScannerDeclaration, () => import('./scanners/file-scanner.js').then((m) => m.fileScanner.scan)),
    lazyScanner<DirectoryScanner>(shardIndexScannerDeclaration, () => import('./scanners/shard-index-scanner.js').then((m) => m.shardIndexScanner.scan)),
  ],
});

export default plugin;
