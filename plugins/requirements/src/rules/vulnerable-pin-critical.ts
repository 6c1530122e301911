import { defineRule } from '../rule.js';

/** A pinned or locked version (or the newest version a range allows) has a known vulnerability rated critical. */
export const vulnerablePinCritical = defineRule('vulnerable-pin-critical', {
  description: 'A pinned or locked version (or the newest version a range allows) has a known vulnerability rated critical.',
  defaultSeverity: 'critical',
  messages: {
    pinned: '{{name}} {{version}} is affected by {{id}}{{aliases}}: {{summary}} (fixed in {{fixed}})',
    newest: '{{name}}{{specifier}}: the newest version it allows is affected by {{id}}{{aliases}}: {{summary}} (fixed in {{fixed}})',
  },
  tags: ['vulnerability', 'advisory'], cwe: ['CWE-1395'],
});
