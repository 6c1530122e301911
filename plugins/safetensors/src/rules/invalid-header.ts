import { defineRule } from '../rule.js';

/** The header is not UTF-8, not JSON as serde_json reads it, or not a JSON object. */
export const invalidHeader = defineRule('invalid-header', {
  description: 'The header is not valid UTF-8, not valid JSON, or not a JSON object.',
  defaultSeverity: 'high',
  messages: {
    notUtf8: 'Header is not valid UTF-8 (first bad byte at file offset {{offset}})',
    notJson: 'Header is not valid JSON: {{reason}} at file offset {{offset}}',
    notObject: 'Header JSON is {{type}}, not an object',
  },
  tags: ['format', 'unloadable'],
});
