import { defineRule } from '../rule.js';

/** A direct URL requirement has no hash, so the downloaded artifact is not verified. */
export const urlUnhashed = defineRule('url-unhashed', {
  description: 'A direct URL requirement has no hash, so the downloaded artifact is not verified.',
  defaultSeverity: 'medium',
  messages: {
    noHash: '{{name}} from {{url}} has no hash (#sha256=... or --hash)',
  },
  tags: ['integrity', 'supply-chain'], cwe: ['CWE-494'],
});
