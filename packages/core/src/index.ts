export { createEngine } from './engine.js';
export type { Engine, ScanOptions, ScanRun } from './engine.js';
export type { FileEvent, ProgressEvent, RunEndEvent, RunStartEvent, ScanEvent } from './events.js';
export { DEFAULT_IGNORES, DEFAULT_LIMITS, resolveConfig } from './config.js';
export type { EngineConfig, EngineConfigInput, RuleSetting, ScanLimits } from './config.js';
export { ConfigError, CONFIG_FILE_NAMES, findConfigFile, loadConfigFile, parseConfig } from './config-file.js';
export type { ConfigFile } from './config-file.js';
export { PluginLoadError } from './plugin-loader.js';
export { TargetError } from './walk.js';
export { parseByteSize } from './byte-size.js';
export { sniffFormat } from './sniff.js';
export type { RuleOverride } from './rule-overrides.js';
export { FINGERPRINT_VERSION } from './fingerprint.js';
export {
  SUPPRESSION_FILE_NAMES,
  SuppressionFileError,
  findSuppressionFile,
  loadSuppressionFile,
  parseSuppressionFile,
  removeSuppressions,
} from './suppression-file.js';
export type { Suppression, SuppressionFile } from './suppression-file.js';
export { BASELINE_FORMAT, BaselineError, createBaseline, formatBaseline, loadBaseline, parseBaseline } from './baseline.js';
export type { Baseline, BaselineEntry } from './baseline.js';
export { SOURCE_BASELINE, SOURCE_IGNORE_FILE, applyPolicy, utcDate } from './policy.js';
export type { PolicyInput, PolicyResult } from './policy.js';
