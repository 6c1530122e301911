import type { JsonObject } from '../json/node.js';
import { PREFIX_BYTES } from '../format/limits.js';
import type { Report } from '../reporter.js';
import { defineRule } from '../rule.js';

/** Whitespace the loader accepts but the format text does not describe. */
export const headerPadding = defineRule('header-padding', {
  description:
    "The header has whitespace before '{' or padding other than spaces; the Rust loader accepts it, the format spec does not.",
  defaultSeverity: 'low',
  messages: {
    leadingWhitespace:
      "Header starts with {{count}} whitespace bytes before '{'; the spec requires '{' first and strict readers refuse it",
    nonSpacePadding: 'Header padding after the JSON holds {{count}} tab, CR or LF bytes, not only spaces (0x20)',
  },
  tags: ['format', 'parser-differential'],
});

/** Reports whitespace before the root object and non-space padding after it. */
export function checkHeaderPadding(bytes: Uint8Array, root: JsonObject, report: Report): void {
  if (root.start > 0) {
    report(headerPadding, 'leadingWhitespace', {
      data: { count: root.start },
      location: { byteOffset: PREFIX_BYTES },
      evidence: { leadingBytes: hex(bytes.subarray(0, Math.min(root.start, 16))) },
    });
  }
  let odd = 0;
  let first = -1;
  for (let i = root.end; i < bytes.length; i++) {
    if (bytes[i] !== 0x20) {
      odd++;
      if (first < 0) first = i;
    }
  }
  if (odd > 0) {
    report(headerPadding, 'nonSpacePadding', {
      data: { count: odd },
      location: { byteOffset: PREFIX_BYTES + first },
      evidence: { paddingBytes: hex(bytes.subarray(root.end, Math.min(bytes.length, root.end + 16))) },
    });
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
