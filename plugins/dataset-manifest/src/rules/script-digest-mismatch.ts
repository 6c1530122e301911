import { defineRule } from '../rule.js';

/** The training script present in the scan is not the one the provenance names. */
export const scriptDigestMismatch = defineRule('script-digest-mismatch', {
  description: 'The training script named in provenance.yaml is present but its sha256 differs from training.script_sha256.',
  defaultSeverity: 'high',
  messages: {
    mismatch: 'Training script {{file}} does not match {{document}}: sha256 is {{actual}}, declared {{declared}}',
  },
  tags: ['integrity', 'provenance', 'reproducibility'],
  cwe: ['CWE-345'],
});
