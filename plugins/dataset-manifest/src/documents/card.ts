import { emptyDocument, type DocumentPlace } from './base.js';
import { extractFrontMatter } from './front-matter.js';
import type { CardSplit, DocumentKind, ManifestDocument } from './model.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { filesFrom, isRecord } from './yaml-files.js';

/**
 * Reads `modelcard.yaml` or the YAML front matter of a Hugging Face card (`README.md`): the
 * licence, an optional `files` list, and for dataset cards the splits (`configs[].data_files`
 * with `dataset_info.splits[].num_examples`) whose rows can be counted. A README without front
 * matter gives undefined: it is no card.
 */
export function readCard(kind: DocumentKind, text: string, place: DocumentPlace): ManifestDocument | undefined {
  let parsed: ParsedYaml;
  if (kind === 'card-front-matter') {
    const front = extractFrontMatter(text);
    if (!front) return undefined;
    parsed = parseYaml(front.yaml, front.lineOffset);
  } else {
    parsed = parseYaml(text);
  }
  const doc = emptyDocument(kind, place);
  const value = parsed.value;
  if (!isRecord(value)) return doc;
  doc.entries = filesFrom(value.files, parsed);
  const license = value.license ?? value.licence;
  if (typeof license === 'string' && license.trim()) doc.license = license.trim();
  else if (Array.isArray(license) && license.length) doc.license = license.map(String).join(', ');
  const splits = cardSplits(value, parsed);
  if (splits.length) doc.splits = splits;
  return doc;
}

/** Splits with both a declared `num_examples` and data file patterns. */
function cardSplits(card: Record<string, unknown>, parsed: ParsedYaml): CardSplit[] {
  const infos = Array.isArray(card.dataset_info) ? card.dataset_info : card.dataset_info === undefined ? [] : [card.dataset_info];
  const configs = Array.isArray(card.configs) ? card.configs : [];
  const out: CardSplit[] = [];
  infos.forEach((info, infoIndex) => {
    if (!isRecord(info) || !Array.isArray(info.splits)) return;
    const configName = typeof info.config_name === 'string' ? info.config_name : 'default';
    const config = configs.find((c) => isRecord(c) && (c.config_name ?? 'default') === configName);
    if (!isRecord(config)) return;
    const patterns = dataFilePatterns(config.data_files);
    info.splits.forEach((split, splitIndex) => {
      if (!isRecord(split) || typeof split.name !== 'string' || typeof split.num_examples !== 'number') return;
      const files = patterns.get(split.name);
      if (!files?.length) return;
      const at = Array.isArray(card.dataset_info) ? ['dataset_info', infoIndex, 'splits', splitIndex, 'num_examples'] : ['dataset_info', 'splits', splitIndex, 'num_examples'];
      const line = parsed.lineAt(at);
      out.push({ config: configName, split: split.name, numExamples: split.num_examples, patterns: files, ...(line !== undefined && { line }) });
    });
  });
  return out;
}

/** split → path patterns, from a list of `{split, path}` or a mapping split → path(s). */
function dataFilePatterns(value: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (split: unknown, path: unknown) => {
    if (typeof split !== 'string') return;
    const paths = (Array.isArray(path) ? path : [path]).filter((p): p is string => typeof p === 'string');
    out.set(split, [...(out.get(split) ?? []), ...paths]);
  };
  if (Array.isArray(value)) for (const item of value) if (isRecord(item)) add(item.split, item.path);
  if (isRecord(value)) for (const [split, path] of Object.entries(value)) add(split, path);
  if (typeof value === 'string') add('train', value);
  return out;
}
