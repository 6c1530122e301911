import { defineRule } from '../rule.js';

/** EXT1/EXT2/EXT4: a global named by a number in copyreg's extension registry. */
export const extensionCode = defineRule('extension-code', {
  description: 'The pickle refers to a global through the copyreg extension registry (EXT1/EXT2/EXT4), which names nothing statically.',
  defaultSeverity: 'high',
  messages: {
    ext: '{{opcode}} refers to extension code {{code}}, resolved only at load time',
  },
  tags: ['security', 'obfuscation'],
  cwe: ['CWE-502'],
});
