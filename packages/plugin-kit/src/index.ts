/**
 * @modelgate/plugin-kit: helpers for plugin authors. Test helpers live in `@modelgate/plugin-kit/testing`.
 */
export { defineRule, rulesRecord } from './rule.js';
export type { MessageData, Placeholders, ReportExtras, Rule } from './rule.js';
export { BinaryReader, TruncatedError } from './binary-reader.js';
export { JsonParseError, lineColumn, readJsonBounded, readTextBounded } from './bounded-text.js';
export type { BoundedText } from './bounded-text.js';
export { declareRule } from './declared-rule.js';
export type { DeclaredRule } from './declared-rule.js';
export { createCappedReporter } from './capped-reporter.js';
export type { CappedReporter, FindingDetails, ReportFn } from './capped-reporter.js';
export { lazyScanner } from './lazy-scanner.js';
