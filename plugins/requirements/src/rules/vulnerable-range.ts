import { defineRule } from '../rule.js';

/** A version range admits versions with known vulnerabilities although its newest allowed version is fixed. */
export const vulnerableRange = defineRule('vulnerable-range', {
  description: 'A version range admits versions with known vulnerabilities although its newest allowed version is fixed.',
  defaultSeverity: 'medium',
  messages: {
    range: '{{name}}{{specifier}} admits versions affected by {{count}} advisories ({{ids}}); require {{name}}>={{fixed}}',
  },
  tags: ['vulnerability', 'advisory', 'pinning'], cwe: ['CWE-1395'],
});
