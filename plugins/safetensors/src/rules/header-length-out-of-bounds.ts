import { defineRule } from '../rule.js';

/** 8 + header length is past the end of the file (`InvalidHeaderLength`). */
export const headerLengthOutOfBounds = defineRule('header-length-out-of-bounds', {
  description: 'The declared header length runs past the end of the file (truncated or corrupt file).',
  defaultSeverity: 'high',
  messages: {
    pastEnd: 'Header length {{length}} needs {{needed}} bytes but the file has only {{size}}',
  },
  tags: ['format', 'unloadable'],
});
