import { defineRule } from '../rule.js';

/** An OpenSSF model-signing payload that verifiers reject before looking at files. */
export const signingManifestInconsistent = defineRule('signing-manifest-inconsistent', {
  description: 'An OpenSSF model-signing bundle whose in-toto statement is inconsistent: the subject digest is not the sha256 over the resource digests, or the payload or statement type is not the one verifiers expect.',
  defaultSeverity: 'high',
  messages: {
    rootDigest: '{{document}}: the subject digest {{declared}} is not the sha256 over its resource digests ({{actual}})',
    payloadType: '{{document}}: DSSE payloadType is {{type}}, expected application/vnd.in-toto+json',
    statementType: '{{document}}: in-toto _type is {{type}}, expected https://in-toto.io/Statement/v1',
  },
  tags: ['integrity', 'signing'],
  cwe: ['CWE-345'],
});
