import { defineRule } from '../rule.js';

/** An application requirements file leaves a dependency unpinned or pinned only to a range. */
export const unpinned = defineRule('unpinned', {
  description: 'An application requirements file leaves a dependency unpinned or pinned only to a range.',
  defaultSeverity: 'medium',
  messages: {
    unpinned: '{{name}} is not pinned: any version, including a future compromised one, may be installed',
    range: '{{name}}{{specifier}} is a range, not a pin: the installed version changes over time',
  },
  tags: ['pinning', 'reproducibility', 'supply-chain'], cwe: ['CWE-1357'],
});
