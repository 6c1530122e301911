export { default, PLUGIN_VERSION } from './plugin.js';
export { ALL_RULES } from './rules/index.js';
export { HF_LICENSE_IDS, HF_LICENSE_NAMES } from './licenses/hf-ids.js';
export { KNOWN_REFS } from './licenses/license-refs.js';
export { resolveLicense } from './licenses/resolve.js';
export { identifyLicenseText } from './text/identify.js';
export type { Policy } from './options.js';
