import { defineRule } from '../rule.js';

/** A pickle stream found after non-pickle bytes (resynchronisation). */
export const hiddenStream = defineRule('hidden-stream', {
  description: 'A pickle stream that imports globals starts after non-pickle data, where most tools stop looking.',
  defaultSeverity: 'medium',
  messages: {
    hidden: 'Pickle stream {{stream}} importing {{globals}} global(s) found after {{skipped}} bytes of non-pickle data',
  },
  tags: ['security', 'obfuscation'],
  cwe: ['CWE-502'],
});
