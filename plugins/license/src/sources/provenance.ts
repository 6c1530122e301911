import { type Located, strings } from './card.js';
import { lastValue, type LocatedValue, type YamlMapping } from './yaml-doc.js';

/** Something a document says a model was derived from or trained on. */
export interface UpstreamRef {
  /** Name or source as written (`meta-llama/Llama-3.1-8B`, `hf://datasets/org/name`, `./data/train`). */
  readonly name: string;
  readonly line?: number;
  /** Licence stated next to the reference, if any. */
  readonly license?: Located;
}

/** What a `provenance.yaml` says about licences. */
export interface ProvenanceInfo {
  readonly name?: string;
  readonly license?: Located;
  readonly baseModels: readonly UpstreamRef[];
  readonly trainingData: readonly UpstreamRef[];
}

/** What a dataset `MANIFEST.yaml` says about licences. */
export interface ManifestInfo {
  readonly name?: string;
  readonly licenses: readonly Located[];
}

const NAME_KEYS = ['name', 'id', 'dataset', 'model', 'repo', 'source', 'path', 'url'];
const MAX_REFS = 1000;

/** References of a value that is a string, an object, or a list of either. */
function refs(located: LocatedValue | undefined): UpstreamRef[] {
  if (!located) return [];
  const items = Array.isArray(located.value) ? located.value.slice(0, MAX_REFS) : [located.value];
  const out: UpstreamRef[] = [];
  items.forEach((item, i) => {
    const line = located.itemLines[i] ?? located.line;
    if (typeof item === 'string' && item.trim()) out.push({ name: item.trim(), line });
    else if (item && typeof item === 'object' && !Array.isArray(item)) {
      const record = item as Record<string, unknown>;
      const name = NAME_KEYS.map((k) => record[k]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
      const license = [record.license, record.licence].find((v): v is string => typeof v === 'string' && v.trim() !== '');
      if (name) out.push({ name: name.trim(), line, ...(license && { license: { value: license.trim(), line } }) });
    }
  });
  return out;
}

const licenseOf = (mapping: YamlMapping): Located[] => [...strings(lastValue(mapping, 'license')), ...strings(lastValue(mapping, 'licence')), ...strings(lastValue(mapping, 'licenses'))];

const nameOf = (mapping: YamlMapping): string | undefined => strings(lastValue(mapping, 'name'))[0]?.value;

/** Reads a model `provenance.yaml`. */
export function readProvenance(mapping: YamlMapping): ProvenanceInfo {
  const name = nameOf(mapping);
  const license = licenseOf(mapping)[0];
  return {
    ...(name && { name }),
    ...(license && { license }),
    baseModels: refs(lastValue(mapping, 'base_model')),
    trainingData: refs(lastValue(mapping, 'training_data')),
  };
}

/** Reads a dataset `MANIFEST.yaml` / `manifest.yaml`. */
export function readManifest(mapping: YamlMapping): ManifestInfo {
  const name = nameOf(mapping);
  return { ...(name && { name }), licenses: licenseOf(mapping) };
}
