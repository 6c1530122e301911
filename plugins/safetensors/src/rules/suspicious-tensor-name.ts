import { displayName } from '../format/display.js';
import { PREFIX_BYTES } from '../format/limits.js';
import type { JsonMember } from '../json/node.js';
import type { Report } from '../reporter.js';
import { defineRule } from '../rule.js';

/** Names longer than this (in UTF-8 bytes) are reported; real tensor names stay far below. */
export const MAX_TENSOR_NAME_BYTES = 1024;

/** Tensor names that are empty or implausibly long. */
export const suspiciousTensorName = defineRule('suspicious-tensor-name', {
  description: 'A tensor name is empty or implausibly long (a place to hide data in the header).',
  defaultSeverity: 'low',
  messages: {
    empty: 'A tensor has an empty name',
    tooLong: 'Tensor name is {{length}} bytes long (limit {{limit}}), starting {{prefix}}',
  },
  tags: ['hygiene'],
});

/** Reports an empty or over-long tensor name. */
export function checkTensorName(member: JsonMember, report: Report): void {
  const byteOffset = PREFIX_BYTES + member.keyStart;
  if (member.key === '') {
    report(suspiciousTensorName, 'empty', { location: { byteOffset, logical: [''] } });
    return;
  }
  const length = Buffer.byteLength(member.key, 'utf8');
  if (length > MAX_TENSOR_NAME_BYTES) {
    const prefix = member.key.slice(0, 64);
    report(suspiciousTensorName, 'tooLong', {
      data: { length, limit: MAX_TENSOR_NAME_BYTES, prefix },
      location: { byteOffset, logical: [displayName(member.key)] },
      evidence: { length, prefix },
    });
  }
}
