import { API_VERSION, definePlugin } from '@modelgate/plugin-api';
import { optionsSchema } from './options.js';
import { rules } from './rules/index.js';
import { requirementsScanner } from './scanners/requirements-scanner.js';

/** Package version; a test keeps it equal to package.json's. */
export const PLUGIN_VERSION = '0.1.0';

/**
 * `@modelgate/plugin-requirements`: checks the Python environment a model needs, offline —
 * requirements files, pyproject/Pipfile/lock files, conda environments, setup.cfg and Dockerfiles —
 * for known vulnerabilities (a local OSV database), pinning and hashes, package indexes,
 * torch/CUDA compatibility and typosquats. Never installs or runs anything it reads.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: {
    name: '@modelgate/plugin-requirements',
    version: PLUGIN_VERSION,
    namespace: 'requirements',
  },
  rules,
  scanners: [requirementsScanner],
  optionsSchema,
});

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
