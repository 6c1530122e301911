import { checkDigest, WEAK_ALGORITHMS, type CheckedDigest } from '../documents/digests.js';
import type { DeclaredFile, ManifestDocument } from '../documents/model.js';
import { classifyPath, resolvePath, shown } from '../paths.js';
import type { FindingDetails } from '../reporter.js';
import { baseModelDigestMismatch } from '../rules/base-model-digest-mismatch.js';
import { digestInvalid } from '../rules/digest-invalid.js';
import { digestMismatch } from '../rules/digest-mismatch.js';
import { digestMissing } from '../rules/digest-missing.js';
import { digestWeak } from '../rules/digest-weak.js';
import { entryDuplicate } from '../rules/entry-duplicate.js';
import { entryInvalid } from '../rules/entry-invalid.js';
import { fileMissing } from '../rules/file-missing.js';
import { pathUnsafe } from '../rules/path-unsafe.js';
import { scriptDigestMismatch } from '../rules/script-digest-mismatch.js';
import type { CheckContext, PresentEntry } from './context.js';
import { directoriesOf } from './directories.js';

/** What verifying the entries of one document found. */
export interface VerifiedEntries {
  /** Root-relative paths of the safe entries (listed files, present or not). */
  listed: Set<string>;
  /** Listed files present in the scan. */
  present: PresentEntry[];
  /** Entries whose sha256 matched the engine's. */
  matched: number;
}

/**
 * Checks every entry of a document against the scan: path safety, digest syntax and strength,
 * presence, size, and the sha256 the engine computed (never re-hashing). Provenance artefacts
 * (base model, training data, script) are checked only when they are files of the scan.
 */
export function verifyEntries(doc: ManifestDocument, cx: CheckContext): VerifiedEntries {
  const result: VerifiedEntries = { listed: new Set(), present: [], matched: 0 };
  const seen = new Map<string, { count: number; digests: Set<string>; file: string; at: FindingDetails }>();
  let unverified = 0;
  let unsupported = 0;
  for (const entry of doc.entries) {
    if (cx.signal.aborted) break;
    const at = onDocument(doc, entry);
    if (typeof entry.path !== 'string') {
      if (entry.role !== 'file') continue;
      if (entry.path === undefined || entry.path === null) cx.report(entryInvalid, 'noPath', { ...at, data: { entry: entry.index, document: doc.path } });
      else cx.report(entryInvalid, 'field', { ...at, data: { entry: entry.index, document: doc.path, field: 'path', expected: 'a string' } });
      continue;
    }
    const unsafe = classifyPath(entry.path);
    if (unsafe) {
      if (entry.role === 'file' && !(unsafe === 'url' && doc.remoteOk)) {
        cx.report(pathUnsafe, unsafe, { ...at, data: { document: doc.path, path: shown(entry.path) }, evidence: { path: shown(entry.path) } });
      }
      continue;
    }
    const path = resolvePath(doc.baseDir, entry.path);
    const file = shown(entry.path);
    const digests = entry.digests.map(checkDigest);
    for (const digest of digests) if (!digest.ok) reportInvalidDigest(cx, digest, { ...at, data: { file, document: doc.path } });
    const valid = digests.filter((d): d is Extract<CheckedDigest, { ok: true }> => d.ok);
    const sha256 = valid.find((d) => d.algorithm === 'sha256')?.hex;
    if (entry.role === 'file') {
      result.listed.add(path);
      const dup = seen.get(path) ?? { count: 0, digests: new Set<string>(), file, at };
      dup.count++;
      if (dup.count === 2) dup.at = at;
      for (const d of entry.digests) dup.digests.add(`${d.algorithm}:${typeof d.value === 'string' ? d.value.toLowerCase() : JSON.stringify(d.value)}`);
      seen.set(path, dup);
      if (entry.digests.length === 0) cx.report(digestMissing, 'missing', { ...at, data: { file, document: doc.path } });
      else if (!sha256 && valid.length > 0 && valid.every((d) => WEAK_ALGORITHMS.has(d.algorithm))) {
        cx.report(digestWeak, 'weak', { ...at, data: { file, document: doc.path, algorithms: [...new Set(valid.map((d) => d.algorithm))].join(' and ') } });
      }
    }
    const found = cx.directory.lookup(path);
    if (!found || found.kind !== 'file') {
      if (entry.role !== 'file') continue;
      const isDirectory = path === '' || found?.kind === 'directory' || directoriesOf(cx.directory).has(path);
      cx.report(fileMissing, isDirectory ? 'directory' : 'missing', { ...at, data: { file, document: doc.path }, evidence: { path } });
      continue;
    }
    result.present.push({ path, size: found.size, ...(entry.line !== undefined && { line: entry.line }), ...(entry.rowCount !== undefined && { rowCount: entry.rowCount }) });
    const onFile: FindingDetails = { path, evidence: { document: doc.path, ...(entry.line !== undefined && { line: entry.line }), ...(entry.logical && { logical: entry.logical }) } };
    const sizeDiffers = typeof entry.size === 'number' && Number.isSafeInteger(entry.size) && entry.size >= 0 && entry.size !== found.size;
    if (entry.size !== undefined && !(typeof entry.size === 'number' && Number.isSafeInteger(entry.size) && entry.size >= 0)) {
      cx.report(entryInvalid, 'field', { ...at, data: { entry: entry.index, document: doc.path, field: 'size', expected: 'a whole number of bytes' } });
    }
    if (sha256 !== undefined) {
      if (found.sha256 === undefined) unverified++;
      else if (found.sha256 !== sha256) {
        const rule = entry.role === 'base-model' ? baseModelDigestMismatch : entry.role === 'script' ? scriptDigestMismatch : undefined;
        const data = { file, document: doc.path, actual: found.sha256, declared: sha256 };
        if (rule) cx.report(rule, 'mismatch', { ...onFile, data });
        else cx.report(digestMismatch, 'sha256', { ...onFile, data, evidence: { ...onFile.evidence, declaredSize: entry.size ?? null, actualSize: found.size } });
        continue;
      } else result.matched++;
    } else if (valid.length > 0 && !valid.some((d) => WEAK_ALGORITHMS.has(d.algorithm))) {
      unsupported++;
    }
    if (sizeDiffers) cx.report(digestMismatch, 'size', { ...onFile, data: { file, document: doc.path, actual: found.size, declared: entry.size as number } });
  }
  for (const dup of seen.values()) {
    if (dup.count < 2) continue;
    cx.report(entryDuplicate, dup.digests.size > 1 ? 'conflicting' : 'duplicate', { ...dup.at, data: { file: dup.file, count: dup.count, document: doc.path } });
  }
  if (unverified > 0) {
    cx.fail('DIGESTS_UNAVAILABLE', `${doc.path}: ${unverified} declared sha256 digest(s) not verified: the engine computed no sha256 for those files (hashing is off, or the file could not be read)`);
  }
  if (unsupported > 0) {
    cx.fail('DIGEST_UNSUPPORTED', `${doc.path}: ${unsupported} entr${unsupported === 1 ? 'y carries' : 'ies carry'} only digests modelgate cannot check (it verifies sha256)`);
  }
  return result;
}

/** Location of an entry in its document. */
export function onDocument(doc: ManifestDocument, entry: Pick<DeclaredFile, 'line' | 'logical'>): FindingDetails {
  const location = { ...(entry.line !== undefined && { line: entry.line }), ...(entry.logical && { logical: entry.logical.map((p) => shown(p)) }) };
  return { path: doc.path, ...(Object.keys(location).length && { location }) };
}

function reportInvalidDigest(cx: CheckContext, digest: Exclude<CheckedDigest, { ok: true }>, details: FindingDetails & { data: Record<string, string | number> }): void {
  const data = { ...details.data, algorithm: digest.algorithm };
  if (digest.problem === 'length') cx.report(digestInvalid, 'length', { ...details, data: { ...data, length: digest.length, expected: digest.expected } });
  else if (digest.problem === 'alphabet') cx.report(digestInvalid, 'alphabet', { ...details, data });
  else cx.report(digestInvalid, 'type', { ...details, data: { ...data, type: digest.type } });
}
