import plugin from './plugin.js';

export { PLUGIN_VERSION } from './plugin.js';
export default plugin;
export { ALL_RULES } from './rules/index.js';
export { classifyGlobal } from './policy/classify.js';
export type { PolicyOptions, Verdict } from './policy/classify.js';
export { analyseSource } from './analysis/analyse.js';
export type { AnalyseOptions, AnalyseResult } from './analysis/analyse.js';
export type { AnalysisFinding, AnalysisSink } from './analysis/sink.js';
export { memorySource, fileSource } from './source/byte-source.js';
export type { ByteSource } from './source/byte-source.js';
