import { defineRule } from '../rule.js';

/** A declared digest that cannot be a digest of its algorithm. */
export const digestInvalid = defineRule('digest-invalid', {
  description: 'A declared digest has the wrong length for its algorithm, characters outside hexadecimal, or is not a string; it can never match, so the entry is unverified.',
  defaultSeverity: 'medium',
  messages: {
    length: '{{file}}: the {{algorithm}} in {{document}} has {{length}} hex digits, expected {{expected}}',
    alphabet: '{{file}}: the {{algorithm}} in {{document}} holds characters that are not hexadecimal',
    type: '{{file}}: the {{algorithm}} in {{document}} is a {{type}}, not a string of hex digits',
  },
  tags: ['integrity', 'malformed'],
});
