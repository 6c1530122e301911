import { defineRule } from '../rule.js';

/** The file cannot hold the 8-byte header length (`HeaderTooSmall`). */
export const headerTooSmall = defineRule('header-too-small', {
  description: 'The file is shorter than the 8-byte header length prefix, so no safetensors loader can open it.',
  defaultSeverity: 'high',
  messages: {
    tooSmall: 'File is {{size}} bytes long, shorter than the 8-byte header length prefix',
  },
  tags: ['format', 'unloadable'],
});
