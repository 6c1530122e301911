import { defineRule } from '../rule.js';

/** An application requirements file pins versions without --hash, so artifacts are not verified. */
export const missingHashes = defineRule('missing-hashes', {
  description: 'An application requirements file pins versions without --hash, so artifacts are not verified.',
  defaultSeverity: 'low',
  messages: {
    noHashes: '{{count}} requirements and no --hash: pip does not verify what it downloads',
  },
  tags: ['integrity', 'supply-chain'], cwe: ['CWE-494'],
});
