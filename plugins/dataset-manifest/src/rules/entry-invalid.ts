import { defineRule } from '../rule.js';

/** An entry that is not usable: no path, or fields of the wrong type. */
export const entryInvalid = defineRule('entry-invalid', {
  description: 'An entry of a manifest or checksum file cannot be used: no path, a field of the wrong type, or a line that is not in sha256sum format.',
  defaultSeverity: 'low',
  messages: {
    noPath: 'Entry {{entry}} of {{document}} has no path',
    field: 'Entry {{entry}} of {{document}}: {{field}} should be {{expected}}',
    line: 'Line {{line}} of {{document}} is not in sha256sum format',
  },
  tags: ['malformed'],
});
