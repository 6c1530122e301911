import { defineRule } from '../rule.js';

/** Pickle data embedded in a string or bytes and handed to a loader-like callable. */
export const nestedPickle = defineRule('nested-pickle', {
  description: 'Bytes or a string are passed to a pickle loader inside the pickle (a pickle within a pickle).',
  defaultSeverity: 'high',
  messages: {
    nested: 'Embedded pickle ({{size}} bytes) passed to {{loader}}; analysed as stream {{stream}}',
    opaque: 'Data passed to {{loader}} cannot be analysed statically: {{reason}}',
  },
  tags: ['security', 'obfuscation', 'deserialization'],
  cwe: ['CWE-502'],
});
