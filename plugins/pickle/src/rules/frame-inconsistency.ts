import { defineRule } from '../rule.js';

/** FRAME opcodes that the C and Python unpicklers treat differently, or that cannot be satisfied. */
export const frameInconsistency = defineRule('frame-inconsistency', {
  description: 'A protocol-4 FRAME is inconsistent: past the end of the data, crossed by an opcode, or opened inside another frame.',
  defaultSeverity: 'medium',
  messages: {
    beyondEnd: 'FRAME declares {{length}} bytes, beyond the end of the data',
    crossed: '{{opcode}} crosses the end of the current frame (the Python unpickler refuses, the C one accepts)',
    nested: 'FRAME opened {{remaining}} bytes before the end of the current frame',
  },
  tags: ['format', 'parser-differential'],
  cwe: ['CWE-436'],
});
