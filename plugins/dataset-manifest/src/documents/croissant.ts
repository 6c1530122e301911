import { emptyDocument, type DocumentPlace } from './base.js';
import type { DeclaredDigest, ManifestDocument } from './model.js';
import { parseJson } from './parse-json.js';
import { isRecord } from './yaml-files.js';

/**
 * Reads MLCommons Croissant metadata (`metadata.json`, `*croissant*.json`): each
 * `FileObject` of `distribution` with its `contentUrl`, `sha256`/`md5` and `contentSize`.
 * Remote `contentUrl`s are not expected locally. A JSON file that is not Croissant gives
 * undefined (many `metadata.json` files are something else).
 */
export function readCroissant(text: string, place: DocumentPlace): ManifestDocument | undefined {
  const value = parseJson(text);
  if (!isRecord(value) || !isCroissant(value)) return undefined;
  const doc = emptyDocument('croissant', place);
  doc.remoteOk = true;
  const distribution = Array.isArray(value.distribution) ? value.distribution : [];
  distribution.forEach((item, i) => {
    if (!isRecord(item) || !types(item).some((t) => /(^|:)FileObject$/.test(t))) return;
    const digests: DeclaredDigest[] = [];
    for (const [key, digest] of Object.entries(item)) {
      const algorithm = key.replace(/^(cr|sc|schema):/, '').toLowerCase();
      if (algorithm === 'sha256' || algorithm === 'md5' || algorithm === 'sha1' || algorithm === 'sha512') digests.push({ algorithm, value: digest });
    }
    const size = typeof item.contentSize === 'string' && /^\s*\d+\s*(B|bytes?)?\s*$/i.test(item.contentSize) ? Number.parseInt(item.contentSize, 10) : undefined;
    doc.entries.push({
      path: item.contentUrl,
      index: i + 1,
      logical: ['distribution', String(i), String(item['@id'] ?? item.name ?? i)],
      digests,
      ...(size !== undefined && { size }),
      role: 'file',
    });
  });
  return doc;
}

/** `@type` as a list of strings. */
function types(item: Record<string, unknown>): string[] {
  const type = item['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Croissant declares itself in `conformsTo` or maps `cr` to its vocabulary in `@context`. */
function isCroissant(value: Record<string, unknown>): boolean {
  const conforms = JSON.stringify(value.conformsTo ?? value['dct:conformsTo'] ?? '');
  const context = JSON.stringify(value['@context'] ?? '');
  return /mlcommons\.org\/croissant/i.test(conforms) || /mlcommons\.org\/croissant/i.test(context);
}
