import { defineRule } from '../rule.js';

/** One path listed twice in one document. */
export const entryDuplicate = defineRule('entry-duplicate', {
  description: 'A document lists the same file more than once; when the digests differ, tools disagree on which one holds.',
  defaultSeverity: 'medium',
  messages: {
    duplicate: '{{file}} is listed {{count}} times in {{document}}',
    conflicting: '{{file}} is listed {{count}} times in {{document}} with different digests',
  },
  tags: ['integrity', 'parser-differential'],
});
