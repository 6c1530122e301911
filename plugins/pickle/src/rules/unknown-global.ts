import { defineRule } from '../rule.js';

/** A reference to a global outside the allowlist that is never called directly. */
export const unknownGlobal = defineRule('unknown-global', {
  description: 'The pickle imports a global that is not on the reviewed ML allowlist (without calling it directly).',
  defaultSeverity: 'medium',
  messages: {
    reference: 'Pickle imports {{global}}, which is not on the ML allowlist',
  },
  tags: ['security', 'deserialization'],
  cwe: ['CWE-502'],
});
