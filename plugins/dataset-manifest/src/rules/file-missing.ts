import { defineRule } from '../rule.js';

/** A file a document lists that is not a file of the scan. */
export const fileMissing = defineRule('file-missing', {
  description: 'A file listed by a manifest, checksum file, card or signing manifest is not a file of the scan (absent, a directory, or a symlink or special file the scan did not follow).',
  defaultSeverity: 'high',
  messages: {
    missing: '{{file}}, listed in {{document}}, is not a file of the scan (absent, or a symlink or special file that was not followed)',
    directory: '{{file}}, listed in {{document}} as a file, is a directory',
  },
  tags: ['integrity', 'completeness'],
});
