import { defineRule } from '../rule.js';

/** The base model present in the scan is not the one the provenance names. */
export const baseModelDigestMismatch = defineRule('base-model-digest-mismatch', {
  description: "The base model file named in provenance.yaml is present but its sha256 differs from base_model.sha256.",
  defaultSeverity: 'critical',
  messages: {
    mismatch: 'Base model {{file}} does not match {{document}}: sha256 is {{actual}}, declared {{declared}}',
  },
  tags: ['integrity', 'provenance', 'tampering'],
  cwe: ['CWE-345', 'CWE-494'],
});
