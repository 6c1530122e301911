import { defineRule } from '../rule.js';

/** A dependency is a known malicious package (an OSV MAL- advisory). */
export const maliciousPackage = defineRule('malicious-package', {
  description: 'A dependency is a known malicious package (an OSV MAL- advisory).',
  defaultSeverity: 'critical',
  messages: {
    malicious: '{{name}} is a known malicious package ({{id}}): {{summary}}',
  },
  tags: ['malware', 'supply-chain'], cwe: ['CWE-506'],
});
