import { defineRule } from '../rule.js';

/** A line that the installer would reject: an unknown option, an invalid requirement or an invalid version. */
export const invalidRequirement = defineRule('invalid-requirement', {
  description: 'A line that the installer would reject: an unknown option, an invalid requirement or an invalid version.',
  defaultSeverity: 'medium',
  messages: {
    unknownOption: 'pip rejects this line: {{detail}} ({{text}})',
    invalidRequirement: 'Invalid requirement: {{detail}} ({{text}})',
    invalidVersion: 'Invalid version specifier: {{detail}} ({{text}})',
  },
  tags: ['syntax'],
});
