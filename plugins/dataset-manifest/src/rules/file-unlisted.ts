import { defineRule } from '../rule.js';

/** A file next to a manifest that claims a complete listing, but not in it. */
export const fileUnlisted = defineRule('file-unlisted', {
  description: 'A file is present below a manifest that claims to list its directory completely (complete: true, a modelgate manifest, an OpenSSF model signature), but is not listed.',
  defaultSeverity: 'medium',
  messages: {
    unlisted: '{{file}} is not listed in {{document}}, which claims to list every file of {{directory}}',
  },
  tags: ['integrity', 'completeness', 'tampering'],
  cwe: ['CWE-345'],
});
