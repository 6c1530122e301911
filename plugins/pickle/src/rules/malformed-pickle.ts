import { defineRule } from '../rule.js';

/** The stream is not a valid pickle: the loader would stop with an error at this point. */
export const malformedPickle = defineRule('malformed-pickle', {
  description: 'The pickle stream is invalid or truncated; loaders stop (after running whatever came before).',
  defaultSeverity: 'medium',
  messages: {
    invalidOpcode: 'Invalid opcode 0x{{byte}} in stream {{stream}}',
    truncated: 'Stream {{stream}} ends without STOP ({{detail}})',
    lengthBeyondEnd: '{{opcode}} declares {{length}} bytes, beyond the end of the data',
    stackUnderflow: '{{opcode}} needs more values than the stack holds (stream {{stream}})',
    noMark: '{{opcode}} needs a MARK but none is open (stream {{stream}})',
    badArgument: '{{opcode}} has an invalid argument: {{detail}}',
    memoMissing: '{{opcode}} reads memo entry {{index}}, which was never stored',
    badProtocol: 'Unsupported pickle protocol {{protocol}}',
  },
  tags: ['format', 'integrity'],
  cwe: ['CWE-20'],
});
