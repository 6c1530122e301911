import { defineRule } from '../rule.js';

/** STACK_GLOBAL whose module or name is not a literal string. */
export const nonLiteralGlobal = defineRule('non-literal-global', {
  description: 'A STACK_GLOBAL takes its module or name from a computed value, hiding what it imports.',
  defaultSeverity: 'critical',
  messages: {
    computed: 'STACK_GLOBAL with a non-literal {{part}}: {{expr}}',
  },
  tags: ['security', 'code-execution', 'obfuscation'],
  cwe: ['CWE-502'],
});
