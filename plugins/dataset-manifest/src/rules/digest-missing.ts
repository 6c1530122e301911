import { defineRule } from '../rule.js';

/** A listed file with no digest at all. */
export const digestMissing = defineRule('digest-missing', {
  description: 'An entry of a manifest or Croissant FileObject declares no digest, so its content is not pinned.',
  defaultSeverity: 'low',
  messages: {
    missing: '{{file}} is listed in {{document}} without a digest',
  },
  tags: ['integrity'],
});
