import { API_VERSION, definePlugin } from '@modelgate/plugin-api';
import { rules } from './rules/index.js';
import { fileScanner } from './scanners/file-scanner.js';
import { shardIndexScanner } from './scanners/shard-index-scanner.js';

/** Package version; a test keeps it equal to package.json's. */
export const PLUGIN_VERSION = '0.1.0';

/**
 * `@modelgate/plugin-safetensors`: validates safetensors files as the Rust `safetensors` loader
 * does (reading only the length prefix and the header) and checks sharded checkpoints against
 * their `*.safetensors.index.json`.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: {
    name: '@modelgate/plugin-safetensors',
    version: PLUGIN_VERSION,
    namespace: 'safetensors',
  },
  rules,
  scanners: [fileScanner, shardIndexScanner],
});

export default plugin;
export { ALL_RULES } from './rules/index.js';
export { DTYPE_BITS } from './format/dtypes.js';
