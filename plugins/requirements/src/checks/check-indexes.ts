import type { ParsedFile } from '../model.js';
import { extraIndex } from '../rules/extra-index.js';
import { insecureIndex } from '../rules/insecure-index.js';
import { clip } from '../text/lines.js';
import type { CheckContext } from './context.js';

const OPTION: Record<string, string> = { 'index-url': '--index-url', 'extra-index-url': '--extra-index-url', 'find-links': '--find-links', source: 'source' };

/** Removes credentials from a URL before it goes into a report. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@');
}

/** `extra-index` and `insecure-index`: extra indexes, several indexes, plain HTTP, trusted hosts. */
export function checkIndexes(file: ParsedFile, { report }: CheckContext): void {
  for (const index of file.indexes) {
    const location = { line: index.line };
    const url = clip(redactUrl(index.url));
    const option = OPTION[index.kind] ?? index.kind;
    if (index.kind === 'extra-index-url') report(extraIndex, 'extraIndex', { path: file.path, location, data: { option, url }, evidence: { url } });
    if (index.kind === 'trusted-host') {
      report(insecureIndex, 'trustedHost', { path: file.path, location, data: { host: clip(index.url) } });
      continue;
    }
    if (/^http:\/\//i.test(index.url)) report(insecureIndex, 'http', { path: file.path, location, data: { option, url } });
    if (index.noVerify) report(insecureIndex, 'noVerify', { path: file.path, location, data: { url } });
  }
  for (const multi of file.multiIndex) {
    report(extraIndex, 'severalIndexes', { path: file.path, location: { line: multi.line }, data: { names: multi.names.join(', '), why: multi.why }, evidence: { indexes: multi.names } });
  }
}
