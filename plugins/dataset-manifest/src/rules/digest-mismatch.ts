import { defineRule } from '../rule.js';

/** A declared sha256 (or size) that the file on disk does not have. */
export const digestMismatch = defineRule('digest-mismatch', {
  description: "A file's sha256 (computed by the engine) or size differs from what a manifest, checksum file, card or signing manifest declares for it.",
  defaultSeverity: 'critical',
  messages: {
    sha256: '{{file}} does not match {{document}}: sha256 is {{actual}}, declared {{declared}}',
    size: '{{file}} does not match {{document}}: size is {{actual}} bytes, declared {{declared}}',
  },
  tags: ['integrity', 'tampering'],
  cwe: ['CWE-345', 'CWE-494'],
});
