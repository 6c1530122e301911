import { defineRule } from '../rule.js';

/** No advisory data was available, so dependencies were not checked for known vulnerabilities or malicious packages. */
export const noAdvisoryData = defineRule('no-advisory-data', {
  description: 'No advisory data was available, so dependencies were not checked for known vulnerabilities or malicious packages.',
  defaultSeverity: 'low',
  messages: {
    missing: 'No advisory data ({{reason}}): known vulnerabilities were not checked. Run "modelgate db update", "modelgate db import PATH" or scan with --advisories PATH',
    unreadable: 'Advisory data at {{path}} could not be read ({{reason}}): known vulnerabilities were not checked',
  },
  tags: ['advisory'],
});
