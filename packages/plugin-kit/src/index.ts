/**
 * @modelgate/plugin-kit: helpers for plugin authors. Test helpers live in `@modelgate/plugin-kit/testing`.
 */
export { defineRule, rulesRecord } from './rule.js';
export type { MessageData, Placeholders, ReportExtras, Rule } from './rule.js';
export { BinaryReader, TruncatedError } from './binary-reader.js';
export { JsonParseError, lineColumn, readJsonBounded, readTextBounded } from './bounded-text.js';
export type { BoundedText } from './bounded-text.js';
