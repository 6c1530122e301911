import { defineRule } from '../rule.js';

/** A listed path that would resolve outside the document's directory; never looked up or opened. */
export const pathUnsafe = defineRule('path-unsafe', {
  description: 'A path in a manifest is absolute, climbs out of the manifest directory with "..", is a URL where a local file is expected, or is empty or holds control characters.',
  defaultSeverity: 'high',
  messages: {
    traversal: "{{document}} lists {{path}}, which climbs out of its directory with '..'",
    absolute: '{{document}} lists the absolute path {{path}}',
    url: '{{document}} lists the URL {{path}} where a local file is expected',
    invalid: '{{document}} lists a path that is empty or holds control characters ({{path}})',
  },
  tags: ['path-traversal'],
  cwe: ['CWE-22', 'CWE-36'],
});
