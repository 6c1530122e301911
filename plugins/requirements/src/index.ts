import plugin from './plugin.js';

export { PLUGIN_VERSION } from './plugin.js';
export default plugin;
export { ALL_RULES } from './rules/index.js';
export { AdvisoryIndex } from './advisories/advisory-index.js';
export { DEFAULT_UPDATE_URL, INDEX_FILE_NAME, indexPath, resolveCacheDir } from './advisories/cache-dir.js';
export { importAdvisories, updateAdvisories, MAX_DOWNLOAD_BYTES } from './advisories/import.js';
export { cachedAdvisoryIndex, loadAdvisoryData, readIndexFile } from './advisories/load.js';
export { indexFromDirectory, indexFromZipBytes } from './advisories/read-sources.js';
export type { AdvisoryIndexFile, AdvisoryProvenance, AdvisoryRecord } from './advisories/types.js';
export { parseDependencyFile } from './parse/parse-file.js';
export type { RequirementsOptions } from './options.js';
