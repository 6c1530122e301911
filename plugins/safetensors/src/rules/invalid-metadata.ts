import { displayName } from '../format/display.js';
import { PREFIX_BYTES } from '../format/limits.js';
import { jsonTypeName, type JsonMember } from '../json/node.js';
import type { Report } from '../reporter.js';
import { defineRule } from '../rule.js';

/** `__metadata__` that is not `null` or an object of strings. */
export const invalidMetadata = defineRule('invalid-metadata', {
  description: 'The __metadata__ entry is not an object of string values, so the Rust loader refuses the file.',
  defaultSeverity: 'high',
  messages: {
    notObject: '__metadata__ is {{type}}; the loader accepts only an object of string values',
    nonStringValue: '__metadata__ key {{key}} holds {{type}}; the loader accepts only string values',
  },
  tags: ['format', 'unloadable'],
});

/**
 * Checks the `__metadata__` member the way serde reads `Option<HashMap<String, String>>`:
 * `null` is accepted (no metadata); every member is checked, duplicates included.
 */
export function checkMetadata(member: JsonMember, report: Report): void {
  const node = member.value;
  if (node.kind === 'null') return;
  if (node.kind !== 'object') {
    report(invalidMetadata, 'notObject', {
      data: { type: jsonTypeName(node) },
      location: { byteOffset: PREFIX_BYTES + node.start, logical: ['__metadata__'] },
    });
    return;
  }
  for (const entry of node.members) {
    if (entry.value.kind === 'string') continue;
    report(invalidMetadata, 'nonStringValue', {
      data: { key: displayName(entry.key), type: jsonTypeName(entry.value) },
      location: { byteOffset: PREFIX_BYTES + entry.value.start, logical: ['__metadata__', displayName(entry.key)] },
    });
  }
}
