import { API_VERSION, definePlugin } from '@modelgate/plugin-api';
import { optionsSchema } from './options.js';
import { rules } from './rules/index.js';
import { licenseScanner } from './scanners/license-scanner.js';

/** Package version; a test keeps it equal to package.json's. */
export const PLUGIN_VERSION = '0.1.0';

/**
 * `@modelgate/plugin-license`: works out the licence each model and dataset of a scan really
 * carries (cards, LICENSE texts, manifests, provenance, GGUF and safetensors metadata), flags
 * conflicts with its base models and training data, checks a licence policy, and records a
 * licence inventory in the report.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: { name: '@modelgate/plugin-license', version: PLUGIN_VERSION, namespace: 'license' },
  rules,
  scanners: [licenseScanner],
  optionsSchema,
});

export default plugin;
export { ALL_RULES } from './rules/index.js';
export { HF_LICENSE_IDS, HF_LICENSE_NAMES } from './licenses/hf-ids.js';
export { KNOWN_REFS } from './licenses/license-refs.js';
export { resolveLicense } from './licenses/resolve.js';
export { identifyLicenseText } from './text/identify.js';
export type { Policy } from './options.js';
