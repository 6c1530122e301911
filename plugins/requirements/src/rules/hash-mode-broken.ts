import { defineRule } from '../rule.js';

/** Hash-checking mode is broken: some requirements hashed and others not, weak (md5/sha1) hashes, or unpinned requirements in hash mode. */
export const hashModeBroken = defineRule('hash-mode-broken', {
  description: 'Hash-checking mode is broken: some requirements hashed and others not, weak (md5/sha1) hashes, or unpinned requirements in hash mode.',
  defaultSeverity: 'high',
  messages: {
    partial: '{{name}} has no --hash while {{hashed}} other requirements do: pip refuses to install in hash-checking mode',
    weakHash: '{{name}} uses a {{algorithm}} hash: pip accepts only sha256, sha384 and sha512',
    unpinnedInHashMode: '{{name}}{{specifier}} is not pinned with ==, which hash-checking mode requires',
  },
  tags: ['integrity', 'supply-chain'], cwe: ['CWE-328'],
});
