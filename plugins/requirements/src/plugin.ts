import { API_VERSION, definePlugin, type DirectoryScanner } from '@modelgate/plugin-api';
import { lazyScanner } from '@modelgate/plugin-kit';
import { optionsSchema } from './options.js';
import { rules } from './rules/index.js';
import { requirementsScannerDeclaration } from './scanners/declarations.js';

export const PLUGIN_VERSION = '0.1.0';

/**
 * The plugin as modelgate loads it: rules and scanner filters are declared here; each scanner's
 * code is imported on its first scan, so loading the plugin (in the main thread and in every
 * worker) stays cheap.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: {
    name: '@modelgate/plugin-requirements',
    version: PLUGIN_VERSION,
    namespace: 'requirements',
  },
  rules,
  scanners: [
    lazyScanner<DirectoryScanner>(requirementsScannerDeclaration, () => import('./scanners/requirements-scanner.js').then((m) => m.requirementsScanner.scan)),
  ],
  optionsSchema,
});

export default plugin;
