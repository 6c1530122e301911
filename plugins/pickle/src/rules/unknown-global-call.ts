import { defineRule } from '../rule.js';

/** A call of a global outside the reviewed ML allowlist, or of a computed callable. */
export const unknownGlobalCall = defineRule('unknown-global-call', {
  description: 'The pickle calls a global that is not on the reviewed ML allowlist, or a computed callable.',
  defaultSeverity: 'high',
  messages: {
    call: 'Pickle calls {{global}}, which is not on the ML allowlist: {{call}}',
    computed: 'Pickle calls a computed value: {{call}}',
  },
  tags: ['security', 'code-execution', 'deserialization'],
  cwe: ['CWE-502'],
});
