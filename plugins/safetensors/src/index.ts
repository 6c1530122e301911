import plugin from './plugin.js';

export { PLUGIN_VERSION } from './plugin.js';
export default plugin;
export { ALL_RULES } from './rules/index.js';
export { DTYPE_BITS } from './format/dtypes.js';
