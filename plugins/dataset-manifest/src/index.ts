import plugin from './plugin.js';

export { PLUGIN_VERSION } from './plugin.js';
export default plugin;
export { ALL_RULES } from './rules/index.js';
export { MANIFEST_FILE_NAME, MANIFEST_VERSION } from './format/constants.js';
export { writeManifest, type ManifestFile } from './format/write-manifest.js';
export { fastReadManifest, type FastManifest } from './format/fast-read.js';
export { DOCUMENT_GLOBS, documentKind } from './documents/kinds.js';
export type { ManifestOptions } from './options.js';
