import { API_VERSION, definePlugin, type DirectoryScanner } from '@modelgate/plugin-api';
import { lazyScanner } from '@modelgate/plugin-kit';
import { optionsSchema } from './options-schema.js';
import { rules } from './rules/declarations.js';
import { licenseScannerDeclaration } from './scanners/declarations.js';

/** Package version; a test keeps it equal to package.json's. */
export const PLUGIN_VERSION = '0.1.0';

/**
 * `@modelgate/plugin-license`: works out the licence each model and dataset of a scan really
 * carries (cards, LICENSE texts, manifests, provenance, GGUF and safetensors metadata), flags
 * conflicts with its base models and training data, checks a licence policy, and records a
 * licence inventory in the report.
 *
 * This is the plugin as modelgate loads it: rules and the scanner's filter only; the scanner's
 * code (SPDX data, licence texts) is imported on its first scan.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: { name: '@modelgate/plugin-license', version: PLUGIN_VERSION, namespace: 'license' },
  rules,
  scanners: [lazyScanner<DirectoryScanner>(licenseScannerDeclaration, () => import('./scanners/license-scanner.js').then((m) => m.licenseScanner.scan))],
  optionsSchema,
});

export default plugin;
