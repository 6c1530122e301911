import { emptyDocument, type DocumentPlace } from './base.js';
import { describe } from './dataset-manifest.js';
import { DocumentError, type DeclaredFile, type EntryRole, type ManifestDocument, type ProvenanceFacts } from './model.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { entryDigests, filesFrom, isRecord, pick } from './yaml-files.js';

/**
 * Reads `provenance.yaml`: `base_model` (source, version, sha256), `training_data` (one or a
 * list: source, version, sha256), `dependencies`, `training` (script, script_sha256,
 * random_seed, gpu, duration), `license`, `model_card`, and an optional `files` list.
 */
export function readProvenance(text: string, place: DocumentPlace): ManifestDocument {
  const parsed = parseYaml(text);
  const value = parsed.value;
  if (!isRecord(value)) throw new DocumentError('INVALID_MANIFEST', `the top level is ${describe(value)}, not a mapping`, 1, 1);
  const doc = emptyDocument('provenance', place);
  doc.entries = filesFrom(value.files, parsed);
  const training = isRecord(value.training) ? value.training : {};
  const data = Array.isArray(value.training_data) ? value.training_data : value.training_data === undefined ? [] : [value.training_data];
  if (isRecord(value.base_model)) doc.entries.push(artifact(value.base_model, 'base-model', ['base_model'], parsed, doc.entries.length));
  data.forEach((item, i) => {
    if (isRecord(item)) doc.entries.push(artifact(item, 'artifact', Array.isArray(value.training_data) ? ['training_data', i] : ['training_data'], parsed, doc.entries.length));
  });
  const script = pick(training, ['script', 'script_path', 'entrypoint']);
  const scriptSha = pick(training, ['script_sha256']);
  if (typeof script === 'string' && scriptSha !== undefined) {
    const line = parsed.lineAt(['training', 'script_sha256']);
    doc.entries.push({ path: script, index: doc.entries.length + 1, ...(line !== undefined && { line }), logical: ['training', 'script_sha256'], digests: [{ algorithm: 'sha256', value: scriptSha }], role: 'script' });
  }
  doc.provenance = facts(value, training, data);
  return doc;
}

/** A base model or training data entry: a local path when `path`/`file`/`source` names one. */
function artifact(record: Record<string, unknown>, role: EntryRole, at: (string | number)[], parsed: ParsedYaml, count: number): DeclaredFile {
  const line = parsed.lineAt([...at, 'sha256']) ?? parsed.lineAt(at);
  return {
    path: pick(record, ['path', 'file', 'source', 'uri']),
    index: count + 1,
    ...(line !== undefined && { line }),
    logical: at.map(String),
    digests: entryDigests(record),
    role,
  };
}

const EXACT_VERSION = /^(?:===?|v)?\s*\d+(?:\.\d+)*(?:[-+._]?[0-9A-Za-z]+)*$/;

/** The checklist facts of a provenance document. */
function facts(value: Record<string, unknown>, training: Record<string, unknown>, data: unknown[]): ProvenanceFacts {
  const dependencies = dependencyVersions(value.dependencies ?? value.requirements ?? value.environment);
  const unpinned = dependencies.filter(([, version]) => !(typeof version === 'string' || typeof version === 'number') || !EXACT_VERSION.test(String(version).trim())).map(([name]) => name);
  const seed = pick(training, ['random_seed', 'seed']) ?? pick(value, ['random_seed', 'seed']);
  const script = pick(training, ['script', 'script_path', 'entrypoint']);
  return {
    frameworkPinned: dependencies.length === 0 ? undefined : unpinned.length === 0,
    unpinned,
    cuda: hasKey(value, /cuda/i, 4),
    datasetVersion: data.length > 0 && data.every((d) => isRecord(d) && present(d.version)),
    seed: typeof seed === 'number' || (typeof seed === 'string' && /^\d+$/.test(seed.trim())),
    script: typeof script === 'string' && script.trim() !== '',
    modelCard: present(pick(value, ['model_card', 'modelcard', 'card'])),
    license: present(pick(value, ['license', 'licence'])),
  };
}

/** [name, version] pairs from a mapping, a list of `name==1.0` strings, or a list of mappings. */
function dependencyVersions(value: unknown): [string, unknown][] {
  if (isRecord(value)) return Object.entries(value).filter(([name]) => !/cuda/i.test(name));
  if (!Array.isArray(value)) return [];
  return value.map((item): [string, unknown] => {
    if (isRecord(item)) return [String(item.name ?? item.package ?? '?'), item.version];
    const text = String(item);
    const match = /^\s*([A-Za-z0-9_.\-[\]]+)\s*(.*)$/.exec(text);
    return [match?.[1] ?? text, match?.[2] || undefined];
  }).filter(([name]) => !/cuda/i.test(name));
}

/** A key matching `pattern` with a non-empty value, within `depth` levels. */
function hasKey(value: unknown, pattern: RegExp, depth: number): boolean {
  if (depth < 0) return false;
  if (Array.isArray(value)) return value.some((v) => hasKey(v, pattern, depth - 1));
  if (!isRecord(value)) return false;
  return Object.entries(value).some(([key, v]) => (pattern.test(key) && present(v)) || hasKey(v, pattern, depth - 1));
}

/** A value that says something (not null, empty string or empty list). */
function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
