import { defineRule } from '../rule.js';

/** Structures built to exhaust the loader's (or a scanner's) memory or time. */
export const resourceLimit = defineRule('resource-limit', {
  description: 'The pickle exceeds a resource limit (marks, stack, memo, streams or nesting): a denial-of-service construction.',
  defaultSeverity: 'high',
  messages: {
    limit: '{{what}} exceeds the limit of {{limit}} at {{opcode}}; analysis of stream {{stream}} stopped',
    memoIndex: '{{opcode}} stores memo index {{index}}; the C unpickler sizes its memo array to the index',
  },
  tags: ['denial-of-service'],
  cwe: ['CWE-400'],
});
