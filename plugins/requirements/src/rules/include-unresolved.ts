import { defineRule } from '../rule.js';

/** An included requirements or constraints file is missing, remote, or outside the scan root. */
export const includeUnresolved = defineRule('include-unresolved', {
  description: 'An included requirements or constraints file is missing, remote, or outside the scan root.',
  defaultSeverity: 'medium',
  messages: {
    missing: '{{option}} {{target}}: no such file in the scan',
    escapes: '{{option}} {{target}} leaves the scan root: not followed',
    remote: '{{option}} {{target}} is fetched from the network at install time: not checked',
  },
  tags: ['supply-chain'],
});
