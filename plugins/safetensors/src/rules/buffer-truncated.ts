import { PREFIX_BYTES } from '../format/limits.js';
import type { Report } from '../reporter.js';
import { defineRule } from '../rule.js';

/** Tensors that reach past the end of the file (`MetadataIncompleteBuffer`). */
export const bufferTruncated = defineRule('buffer-truncated', {
  description: 'The tensors described by the header need more data than the file holds after the header (truncated file).',
  defaultSeverity: 'high',
  messages: {
    truncated: 'Tensors need {{needed}} bytes of data but the file holds only {{available}} after the header',
  },
  tags: ['format', 'unloadable'],
});

/** Reports when the last tensor ends past the data buffer of `bufferLength` bytes. */
export function checkBufferTruncated(end: bigint, bufferLength: bigint, headerLength: number, report: Report): void {
  if (end <= bufferLength) return;
  report(bufferTruncated, 'truncated', {
    data: { needed: String(end), available: String(bufferLength) },
    location: { byteOffset: PREFIX_BYTES + headerLength + Number(bufferLength) },
    evidence: { dataEnd: String(end), bufferLength: String(bufferLength) },
  });
}
