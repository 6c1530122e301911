import { entryInvalid } from '../rules/entry-invalid.js';
import { basenameOf } from '../paths.js';
import { emptyDocument, type DocumentPlace } from './base.js';
import type { ManifestDocument } from './model.js';

const GNU_LINE = /^(\\)?(\S+) ([ *])(.+)$/;
const BSD_LINE = /^(MD5|SHA1|SHA256|SHA384|SHA512) ?\((.+)\) ?= ?(\S+)$/;
const BARE_DIGEST = /^(\S+)$/;

/**
 * Reads `SHA256SUMS`, `*.sha256` and other sha256sum-format files: GNU lines
 * (`<hex>  <path>` text mode, `<hex> *<path>` binary mode, a leading `\` when the name holds
 * escaped `\\`, `\n` or `\r`), BSD lines (`SHA256 (path) = <hex>`), and for `x.sha256` a lone
 * digest that applies to `x`. Blank lines and `#` comments are skipped; other lines are reported.
 */
export function readChecksums(text: string, place: DocumentPlace): ManifestDocument {
  const doc = emptyDocument('checksums', place);
  const name = basenameOf(place.path);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineNo = i + 1;
    if (line.trim() === '' || line.startsWith('#')) return;
    const entry = (path: string, algorithm: string, value: string) =>
      doc.entries.push({ path, index: doc.entries.length + 1, line: lineNo, digests: [{ algorithm, value }], role: 'file' });
    const bsd = BSD_LINE.exec(line);
    if (bsd) return entry(bsd[2]!, bsd[1]!.toLowerCase(), bsd[3]!);
    const gnu = GNU_LINE.exec(line);
    if (gnu) return entry(gnu[1] ? unescape(gnu[4]!) : gnu[4]!, 'sha256', gnu[2]!);
    const bare = BARE_DIGEST.exec(line);
    if (bare && /\.sha256(sum)?$/.test(name) && lines.length === 1) return entry(name.replace(/\.sha256(sum)?$/, ''), 'sha256', bare[1]!);
    doc.issues.push({ rule: entryInvalid, messageId: 'line', data: { line: lineNo, document: place.path }, line: lineNo });
  });
  return doc;
}

/** GNU coreutils escapes in names of lines starting with `\`. */
function unescape(name: string): string {
  return name.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}
