import type { Plugin, RuleMeta, Severity } from '@modelgate/plugin-api';

const rule = (defaultSeverity: Severity, description: string, messages: Record<string, string>, cwe?: string[]): RuleMeta => ({
  description,
  defaultSeverity,
  messages,
  tags: ['container'],
  ...(cwe && { cwe }),
});

const unsafePath = 'Entry {{member}} can escape the extraction directory ({{reason}}).';

/**
 * Rules the engine itself reports about containers: anomalies that make loaders and extractors
 * disagree, path traversal, bombs and limits. They live in the `container` namespace and appear in
 * `modelgate rules` like any plugin's. The archive readers live in `containers/`.
 */
export const containerRules: Plugin = {
  apiVersion: 1,
  meta: { name: '@modelgate/core', version: '0.1.0', namespace: 'container' },
  scanners: [],
  rules: {
    'depth-limit': rule('medium', 'An archive nested deeper than the configured depth limit was not expanded.', {
      tooDeep: 'Archive nested {{depth}} levels deep was not expanded (limit {{limit}}).',
    }),
    'zip-path-traversal': rule('high', 'A zip entry name escapes the extraction directory.', { unsafePath }, ['CWE-22']),
    'zip-overlapping-entries': rule('high', 'Zip entries share bytes: the overlapping-file zip bomb, or a crafted archive.', {
      overlap: '{{member}} overlaps the bytes of {{other}} (overlapping-entry zip bomb or crafted archive).',
    }, ['CWE-409']),
    'zip-bomb': rule('high', 'A zip declares sizes, ratios or entry counts beyond the safety limits.', {
      ratio: '{{member}} declares {{size}} bytes from {{compressedSize}} (ratio {{ratio}} > {{limit}}).',
      memberSize: '{{member}} declares {{size}} bytes (limit {{limit}}).',
      totalSize: 'Compressed members declare {{size}} bytes in total (limit {{limit}}).',
      entries: 'Archive declares {{declared}} entries; only {{limit}} were listed.',
    }, ['CWE-409']),
    'compressed-bomb': rule('high', 'A gzip or xz stream declares a decompressed size far beyond its compressed size.', {
      ratio: '{{member}} declares {{size}} bytes from {{compressedSize}} (ratio {{ratio}} > {{limit}}).',
    }, ['CWE-409']),
    'zip-local-name-mismatch': rule('medium', "A zip entry's local header names a different file than the central directory.", {
      mismatch: "Local header of {{member}} names '{{localName}}': loaders disagree on this entry.",
    }),
    'zip-encrypted-entry': rule('medium', 'A zip entry is encrypted and cannot be scanned.', { encrypted: '{{member}} is encrypted and was not scanned.' }),
    'zip-unsupported-compression': rule('medium', 'A zip entry uses a compression method modelgate (and PyTorch) cannot read.', {
      method: '{{member}} uses compression method {{method}} ({{methodName}}) and was not scanned.',
    }),
    'zip-duplicate-name': rule('medium', 'Two zip entries share a name; loaders may pick different copies.', {
      duplicate: '{{member}} appears more than once; loaders may pick different copies.',
    }),
    'zip-prefix-data': rule('medium', 'Bytes precede the zip archive (a prepended file or a polyglot).', {
      prefix: '{{bytes}} bytes precede the archive (prepended file or polyglot).',
    }),
    'zip-data-outside-archive': rule('medium', "A zip entry's header or data lies outside the file.", {
      header: 'Local header of {{member}} at {{offset}} lies outside the {{archiveSize}}-byte file.',
      data: 'Data of {{member}} ends at {{end}}, past the end of the {{archiveSize}}-byte file.',
    }),
    'zip-bad-local-header': rule('medium', 'A zip central directory entry points at no local header.', {
      badSignature: 'No local header for {{member}} at offset {{offset}}.',
    }),
    'zip-entry-count-mismatch': rule('medium', "The zip end record's entry count disagrees with the central directory.", {
      mismatch: 'End record declares {{declared}} entries; the central directory holds {{found}}.',
    }),
    'zip-stored-size-mismatch': rule('medium', 'A stored (uncompressed) zip entry declares two different sizes.', {
      mismatch: 'Stored entry {{member}} declares {{size}} bytes but stores {{compressedSize}}.',
    }),
    'zip-trailing-data': rule('low', 'Bytes follow the end of the zip archive.', { trailing: '{{bytes}} bytes follow the end of the archive.' }),
    'tar-path-traversal': rule('high', 'A tar member name escapes the extraction directory.', { unsafePath }, ['CWE-22']),
    'tar-link': rule('medium', 'A tar member is a link; extractors may follow it.', {
      symlink: '{{member}} is a symbolic link to {{target}} (escapes: {{escapes}}); not followed.',
      hardlink: '{{member}} is a hard link to {{target}} (escapes: {{escapes}}); not followed.',
    }, ['CWE-59']),
    'tar-special-file': rule('low', 'A tar member is a device, FIFO or other special file.', { special: '{{member}} is a {{kind}}.' }),
    'tar-duplicate-name': rule('low', 'Two tar members share a name; the last one wins on extraction.', {
      duplicate: '{{member}} appears more than once; extraction keeps the last copy.',
    }),
    'tar-corrupt': rule('medium', 'A tar header is corrupt; members after it were not listed.', {
      checksum: 'Bad tar header checksum at offset {{offset}}; listing stopped.',
      size: 'Bad tar size field at offset {{offset}}; listing stopped.',
      metadata: 'Bad tar extended header at offset {{offset}}; listing stopped.',
    }),
    'tar-truncated': rule('low', 'The tar archive ends early.', {
      header: 'Archive ends inside a header (offset {{offset}}).',
      data: 'Archive ends inside {{member}} (offset {{offset}}).',
    }),
    'tar-too-many-entries': rule('medium', 'A tar archive has more members than the entry limit; the rest were not listed.', {
      entries: 'Listing stopped at {{limit}} entries.',
    }, ['CWE-409']),
  },
};
