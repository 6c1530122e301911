import { defineRule } from '../rule.js';

/** A pinned or locked version (or the newest version a range allows) has a known vulnerability rated high. */
export const vulnerablePinHigh = defineRule('vulnerable-pin-high', {
  description: 'A pinned or locked version (or the newest version a range allows) has a known vulnerability rated high.',
  defaultSeverity: 'high',
  messages: {
    pinned: '{{name}} {{version}} is affected by {{id}}{{aliases}}: {{summary}} (fixed in {{fixed}})',
    newest: '{{name}}{{specifier}}: the newest version it allows is affected by {{id}}{{aliases}}: {{summary}} (fixed in {{fixed}})',
  },
  tags: ['vulnerability', 'advisory'], cwe: ['CWE-1395'],
});
