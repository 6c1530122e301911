import { defineRule } from '../rule.js';

/** A dependency name one edit away from a popular ML package that is not itself a known package. */
export const typosquat = defineRule('typosquat', {
  description: 'A dependency name one edit away from a popular ML package that is not itself a known package.',
  defaultSeverity: 'high',
  messages: {
    typosquat: '{{name}} is one edit away from the popular package {{popular}}: a typo, or a typosquat',
  },
  tags: ['supply-chain', 'typosquatting'], cwe: ['CWE-1357'],
});
