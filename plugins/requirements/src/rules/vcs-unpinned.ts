import { defineRule } from '../rule.js';

/** A VCS requirement is not pinned to a full commit hash. */
export const vcsUnpinned = defineRule('vcs-unpinned', {
  description: 'A VCS requirement is not pinned to a full commit hash.',
  defaultSeverity: 'medium',
  messages: {
    noRef: '{{name}} from {{url}} has no revision: it installs whatever the default branch holds',
    mutableRef: '{{name}} from {{url}} is pinned to "{{ref}}", a branch or tag that can move, not a full commit hash',
  },
  tags: ['pinning', 'supply-chain'], cwe: ['CWE-1357'],
});
