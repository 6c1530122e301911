import { defineRule } from '../rule.js';

/** A listed file pinned only by md5 or sha1. */
export const digestWeak = defineRule('digest-weak', {
  description: 'An entry declares only md5 or sha1 digests: both are broken for integrity, and modelgate can verify only sha256.',
  defaultSeverity: 'medium',
  messages: {
    weak: '{{file}} is pinned in {{document}} only by {{algorithms}} (broken, and not verified): add a sha256',
  },
  tags: ['integrity', 'weak-hash'],
  cwe: ['CWE-328'],
});
