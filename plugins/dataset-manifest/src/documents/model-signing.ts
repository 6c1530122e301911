import { createHash } from 'node:crypto';
import { signingManifestInconsistent } from '../rules/signing-manifest-inconsistent.js';
import { emptyDocument, type DocumentPlace } from './base.js';
import { checkDigest } from './digests.js';
import { ignoreList } from './dataset-manifest.js';
import { DocumentError, type ManifestDocument } from './model.js';
import { parseJson } from './parse-json.js';
import { isRecord } from './yaml-files.js';

/** in-toto payload type of DSSE envelopes that carry a statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** in-toto statement type. */
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** OpenSSF model-signing v1.0 predicate: per-file resources plus a root digest. */
export const MODEL_SIGNING_V1 = 'https://model_signing/signature/v1.0';
/** OpenSSF model-signing v0.2 predicate: one subject per file. */
export const MODEL_SIGNING_V02 = 'https://model_signing/Digests/v0.1';

/**
 * Reads an OpenSSF model-signing signature (`model.sig`): a Sigstore bundle whose DSSE envelope
 * carries an in-toto statement listing every file of the model with its sha256. Only the digests
 * are read and checked; the signature itself is not verified (no trust root offline). A model
 * signature covers the whole model directory except `ignore_paths`, so it claims completeness.
 * A JSON file that is no DSSE bundle gives undefined.
 */
export function readModelSigning(text: string, place: DocumentPlace): ManifestDocument | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  const bundle = parseJson(text);
  const envelope = isRecord(bundle) ? (isRecord(bundle.dsseEnvelope) ? bundle.dsseEnvelope : 'payload' in bundle && 'payloadType' in bundle ? bundle : undefined) : undefined;
  if (!envelope || typeof envelope.payload !== 'string') return undefined;
  const doc = emptyDocument('model-signing', place);
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    doc.issues.push({ rule: signingManifestInconsistent, messageId: 'payloadType', data: { document: place.path, type: String(envelope.payloadType) } });
  }
  let statement: unknown;
  try {
    statement = parseJson(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  } catch (error) {
    const inner = error instanceof DocumentError ? error.describe('DSSE payload') : String(error);
    throw new DocumentError('INVALID_JSON', `the DSSE payload is not a JSON statement (${inner})`);
  }
  if (!isRecord(statement)) throw new DocumentError('INVALID_MANIFEST', 'the DSSE payload is not a JSON object');
  if (statement._type !== IN_TOTO_STATEMENT_V1) {
    doc.issues.push({ rule: signingManifestInconsistent, messageId: 'statementType', data: { document: place.path, type: String(statement._type) } });
  }
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  doc.complete = true;
  if (statement.predicateType === MODEL_SIGNING_V02) {
    subjects.forEach((subject, i) => {
      if (!isRecord(subject)) return;
      const digest = isRecord(subject.digest) ? subject.digest.sha256 : undefined;
      doc.entries.push({ path: subject.name, index: i + 1, logical: ['subject', String(i)], digests: digest === undefined ? [] : [{ algorithm: 'sha256', value: digest }], role: 'file' });
    });
    return doc;
  }
  if (statement.predicateType !== MODEL_SIGNING_V1) {
    throw new DocumentError('UNSUPPORTED_DOCUMENT', `in-toto predicate type ${JSON.stringify(statement.predicateType)} is not an OpenSSF model signature (v0.2 or v1.0)`);
  }
  const predicate = isRecord(statement.predicate) ? statement.predicate : {};
  const serialization = isRecord(predicate.serialization) ? predicate.serialization : {};
  if (serialization.method !== undefined && serialization.method !== 'files') {
    throw new DocumentError('UNSUPPORTED_DOCUMENT', `model-signing serialization method ${JSON.stringify(serialization.method)}: only "files" (whole-file digests) can be checked against the engine's sha256`);
  }
  doc.ignore = ignoreList(serialization.ignore_paths, place.baseDir);
  const resources = Array.isArray(predicate.resources) ? predicate.resources : [];
  resources.forEach((resource, i) => {
    if (!isRecord(resource)) return;
    const algorithm = typeof resource.algorithm === 'string' ? resource.algorithm.toLowerCase() : 'sha256';
    doc.entries.push({ path: resource.name, index: i + 1, logical: ['predicate', 'resources', String(i)], digests: resource.digest === undefined ? [] : [{ algorithm, value: resource.digest }], role: 'file' });
  });
  checkRootDigest(doc, subjects[0], resources);
  return doc;
}

/** v1.0: the subject digest is sha256 over the resource digests' bytes, in the listed order. */
function checkRootDigest(doc: ManifestDocument, subject: unknown, resources: unknown[]): void {
  const declared = isRecord(subject) && isRecord(subject.digest) ? subject.digest.sha256 : undefined;
  if (typeof declared !== 'string') return;
  const hasher = createHash('sha256');
  for (const resource of resources) {
    if (!isRecord(resource)) return;
    const digest = checkDigest({ algorithm: typeof resource.algorithm === 'string' ? resource.algorithm.toLowerCase() : 'sha256', value: resource.digest });
    if (!digest.ok) return;
    hasher.update(Buffer.from(digest.hex, 'hex'));
  }
  const actual = hasher.digest('hex');
  if (actual !== declared.toLowerCase()) {
    doc.issues.push({ rule: signingManifestInconsistent, messageId: 'rootDigest', data: { document: doc.path, declared: declared.slice(0, 80), actual } });
  }
}
