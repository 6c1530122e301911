import { defineRule } from '../rule.js';

/** BUILD / SETITEM(S) / APPEND(S) / ADDITEMS applied to an imported global instead of a new object. */
export const globalMutation = defineRule('global-mutation', {
  description: 'The pickle mutates an imported module-level object (attribute, item or element overwrite).',
  defaultSeverity: 'high',
  messages: {
    mutate: '{{opcode}} modifies the imported global {{global}}',
  },
  tags: ['security', 'code-execution', 'tampering'],
  cwe: ['CWE-502', 'CWE-915'],
});
