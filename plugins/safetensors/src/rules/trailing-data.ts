import { PREFIX_BYTES } from '../format/limits.js';
import type { Report } from '../reporter.js';
import { defineRule } from '../rule.js';

/** Bytes after the last tensor that no header entry accounts for (`MetadataIncompleteBuffer`). */
export const trailingData = defineRule('trailing-data', {
  description:
    'The file continues after the last tensor; the Rust loader refuses it, and the unindexed bytes can carry a second file format (polyglot).',
  defaultSeverity: 'high',
  messages: {
    trailingData:
      '{{count}} bytes after the last tensor (file offset {{offset}}) belong to no tensor; the loader refuses the file',
  },
  tags: ['format', 'unloadable', 'polyglot'],
});

/** Reports data bytes past `end`, the end of the last tensor, in a buffer of `bufferLength`. */
export function checkTrailingData(end: bigint, bufferLength: bigint, headerLength: number, report: Report): void {
  if (end >= bufferLength) return;
  const offset = BigInt(PREFIX_BYTES + headerLength) + end;
  report(trailingData, 'trailingData', {
    data: { count: String(bufferLength - end), offset: String(offset) },
    location: { byteOffset: Number(offset) },
    evidence: { dataEnd: String(end), bufferLength: String(bufferLength) },
  });
}
