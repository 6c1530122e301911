import { defineRule } from '../rule.js';

/** Dates in the data outside the declared date_range. */
export const dateOutOfRange = defineRule('date-out-of-range', {
  description: "Values of the declared date column fall outside validation.date_range.",
  defaultSeverity: 'low',
  messages: {
    outside: '{{file}}: {{count}} values of column {{column}} fall outside {{start}}..{{end}} declared in {{document}} (seen {{min}}..{{max}})',
  },
  tags: ['data-integrity'],
});
