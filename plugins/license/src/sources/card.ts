import { lastValue, type LocatedValue, type YamlMapping } from './yaml-doc.js';

/** A string found in a document, with its line. */
export interface Located {
  readonly value: string;
  readonly line?: number;
}

/** What a Hugging Face card's front matter (or a `modelcard.yaml`) says about licences. */
export interface CardInfo {
  readonly kind: 'model' | 'dataset';
  /** Names the card gives itself (`model_name`, `pretty_name`, `model-index[].name`). */
  readonly names: readonly string[];
  /** Every `license` value (a list counts as several, all applying). */
  readonly licenses: readonly Located[];
  readonly licenseName?: Located;
  readonly licenseLink?: Located;
  readonly baseModels: readonly Located[];
  readonly datasets: readonly Located[];
  /** Keys declared more than once (`license` twice), with every line. */
  readonly duplicates: readonly { key: string; lines: number[] }[];
}

/** Keys only dataset cards have. */
const DATASET_KEYS = ['task_categories', 'size_categories', 'dataset_info', 'configs', 'pretty_name', 'source_datasets', 'annotations_creators', 'multilinguality', 'language_creators', 'task_ids', 'paperswithcode_id'];
const MODEL_KEYS = ['base_model', 'pipeline_tag', 'library_name', 'model-index', 'model_name'];
const LICENSE_KEYS = ['license', 'license_name', 'license_link', 'base_model', 'datasets'];
const MAX_ITEMS = 1000;

/** Strings of a scalar or sequence value, each with its line. */
export function strings(located: LocatedValue | undefined): Located[] {
  if (!located) return [];
  const { value } = located;
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() ? [{ value: String(value).trim(), line: located.line }] : [];
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, MAX_ITEMS)
    .map((item, i) => ({ item, line: located.itemLines[i] ?? located.line }))
    .filter(({ item }) => (typeof item === 'string' && item.trim()) || typeof item === 'number')
    .map(({ item, line }) => ({ value: String(item).trim(), line }));
}

/** Reads the licence-related fields of a card's front matter. */
export function readCard(mapping: YamlMapping): CardInfo {
  const has = (key: string): boolean => mapping.keys.has(key);
  const kind = DATASET_KEYS.some(has) && !MODEL_KEYS.some(has) ? 'dataset' : 'model';
  const names: string[] = [];
  for (const key of ['model_name', 'pretty_name']) names.push(...strings(lastValue(mapping, key)).map((s) => s.value));
  const index = lastValue(mapping, 'model-index')?.value;
  if (Array.isArray(index)) {
    for (const entry of index.slice(0, 10)) {
      const name = (entry as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name.trim()) names.push(name.trim());
    }
  }
  const single = (key: string): Located | undefined => strings(lastValue(mapping, key))[0];
  const licenseName = single('license_name');
  const licenseLink = single('license_link');
  const duplicates = LICENSE_KEYS.map((key) => ({ key, lines: (mapping.keys.get(key) ?? []).map((v) => v.line) })).filter((d) => d.lines.length > 1);
  return {
    kind,
    names,
    // Every declared licence counts, including those of duplicate keys.
    licenses: (mapping.keys.get('license') ?? []).flatMap((v) => strings(v)),
    ...(licenseName && { licenseName }),
    ...(licenseLink && { licenseLink }),
    baseModels: strings(lastValue(mapping, 'base_model')),
    datasets: strings(lastValue(mapping, 'datasets')),
    duplicates,
  };
}
