import { defineRule } from '../rule.js';

/** Requirements files include each other in a cycle. */
export const includeCycle = defineRule('include-cycle', {
  description: 'Requirements files include each other in a cycle.',
  defaultSeverity: 'medium',
  messages: {
    cycle: 'Include cycle: {{cycle}}',
  },
  tags: ['syntax'],
});
