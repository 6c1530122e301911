import { defineRule } from '../rule.js';

/** The declared header length is over the loader's 100,000,000-byte limit (`HeaderTooLarge`). */
export const headerTooLarge = defineRule('header-too-large', {
  description: 'The declared header length exceeds the Rust loader limit of 100,000,000 bytes.',
  defaultSeverity: 'high',
  messages: {
    tooLarge: 'Header length {{length}} exceeds the loader limit of 100,000,000 bytes',
  },
  tags: ['format', 'unloadable', 'denial-of-service'],
  cwe: ['CWE-770'],
});
