import { defineRule } from '../rule.js';

/** A global on the denylist (code execution, file, network, process, loader gadgets). */
export const dangerousGlobal = defineRule('dangerous-global', {
  description: 'The pickle imports or calls a known code-execution, file, network or process gadget.',
  defaultSeverity: 'critical',
  messages: {
    call: 'Pickle calls {{global}} ({{category}}): {{call}}',
    reference: 'Pickle imports {{global}} ({{category}}) without calling it directly',
  },
  tags: ['security', 'code-execution', 'deserialization'],
  cwe: ['CWE-502'],
});
