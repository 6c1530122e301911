import type { DirectoryEntry } from '@modelgate/plugin-api';
import { resolveLicense } from '../licenses/resolve.js';
import { readCard } from '../sources/card.js';
import { readDatasetInfo } from '../sources/dataset-info.js';
import { MAX_CARD_BYTES, parseFrontMatter } from '../sources/front-matter.js';
import { readManifest, readProvenance } from '../sources/provenance.js';
import { isYamlError } from '../sources/yaml-doc.js';
import { addCard } from './card-declarations.js';
import { dirOf, MAX_DOCUMENT_BYTES, type ReadContext } from './read-context.js';

/**
 * Reads a `README.md`: a card with front matter makes (or joins) a unit; a README without front
 * matter is returned so it can become the primary file of a unit made by something else.
 */
export async function readReadme(cx: ReadContext, entry: DirectoryEntry): Promise<string | undefined> {
  const text = await cx.text(entry, MAX_CARD_BYTES);
  if (text === undefined) return undefined;
  const front = await parseFrontMatter(text);
  if ('none' in front) return entry.path;
  if (isYamlError(front)) {
    cx.problems.push({ path: entry.path, ...(front.line !== undefined && { line: front.line }), kind: 'invalid-yaml', detail: front.error });
    return entry.path;
  }
  const card = readCard(front);
  addCard(cx.unitAt(dirOf(entry.path), card.kind), card, entry.path, 'card');
  return undefined;
}

/** Reads a `modelcard.yaml` (a model card's metadata without Markdown). */
export async function readModelcard(cx: ReadContext, entry: DirectoryEntry): Promise<void> {
  const mapping = await cx.yaml(entry);
  if (mapping) addCard(cx.unitAt(dirOf(entry.path), 'model'), readCard(mapping), entry.path, 'modelcard');
}

/** Reads a model's `provenance.yaml`: its licence, base models and training data. */
export async function readProvenanceFile(cx: ReadContext, entry: DirectoryEntry): Promise<void> {
  const mapping = await cx.yaml(entry);
  if (!mapping) return;
  const info = readProvenance(mapping);
  const unit = cx.unitAt(dirOf(entry.path), 'model');
  unit.primary ??= entry.path;
  if (info.name) unit.names.push(info.name);
  if (info.license) unit.declarations.push({ from: 'provenance', path: entry.path, ...(info.license.line !== undefined && { line: info.license.line }), value: info.license.value, resolved: resolveLicense(info.license.value) });
  for (const ref of info.baseModels) unit.baseModels.push({ ...ref, path: entry.path, from: 'provenance' });
  for (const ref of info.trainingData) unit.datasets.push({ ...ref, path: entry.path, from: 'provenance' });
}

/** Reads a dataset `MANIFEST.yaml`; in a model's directory it is a file list and is skipped. */
export async function readManifestFile(cx: ReadContext, entry: DirectoryEntry): Promise<void> {
  const mapping = await cx.yaml(entry);
  if (!mapping) return;
  const info = readManifest(mapping);
  const unit = cx.unitAt(dirOf(entry.path), 'dataset');
  if (unit.kind !== 'dataset') return;
  unit.primary ??= entry.path;
  if (info.name) unit.names.push(info.name);
  for (const license of info.licenses) unit.declarations.push({ from: 'manifest', path: entry.path, ...(license.line !== undefined && { line: license.line }), value: license.value, resolved: resolveLicense(license.value) });
}

/** Reads a Hugging Face `dataset_info.json` / `dataset_infos.json`. */
export async function readDatasetInfoFile(cx: ReadContext, entry: DirectoryEntry): Promise<void> {
  const text = await cx.text(entry, MAX_DOCUMENT_BYTES);
  if (text === undefined) return;
  const info = readDatasetInfo(text, entry.name);
  if (!info) {
    cx.problems.push({ path: entry.path, kind: 'invalid-json', detail: 'not a JSON object' });
    return;
  }
  const unit = cx.unitAt(dirOf(entry.path), 'dataset');
  if (unit.kind !== 'dataset') return;
  unit.primary ??= entry.path;
  if (info.name) unit.names.push(info.name);
  for (const license of info.licenses) unit.declarations.push({ from: 'dataset_info', path: entry.path, value: license.value, resolved: resolveLicense(license.value) });
}
