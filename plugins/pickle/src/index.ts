import { API_VERSION, definePlugin } from '@modelgate/plugin-api';
import { optionsSchema } from './options.js';
import { rules } from './rules/index.js';
import { pickleScanner } from './scanners/pickle-scanner.js';
import { sevenZipScanner } from './scanners/sevenzip-scanner.js';

/** Package version; a test keeps it equal to package.json's. */
export const PLUGIN_VERSION = '0.1.0';

/**
 * `@modelgate/plugin-pickle`: finds code execution in pickle-based model files (raw pickles,
 * PyTorch zip and legacy checkpoints, numpy object arrays, joblib) with a static pickle machine
 * that never imports or runs anything.
 */
const plugin = definePlugin({
  apiVersion: API_VERSION,
  meta: { name: '@modelgate/plugin-pickle', version: PLUGIN_VERSION, namespace: 'pickle' },
  rules,
  scanners: [pickleScanner, sevenZipScanner],
  optionsSchema,
});

export default plugin;
export { ALL_RULES } from './rules/index.js';
export { classifyGlobal } from './policy/classify.js';
export type { PolicyOptions, Verdict } from './policy/classify.js';
export { analyseSource } from './analysis/analyse.js';
export type { AnalyseOptions, AnalyseResult } from './analysis/analyse.js';
export type { AnalysisFinding, AnalysisSink } from './analysis/sink.js';
export { memorySource, fileSource } from './source/byte-source.js';
export type { ByteSource } from './source/byte-source.js';
