import type { Located } from './card.js';

/** What a Hugging Face `dataset_info.json` / `dataset_infos.json` says about licences. */
export interface DatasetInfo {
  readonly name?: string;
  readonly licenses: readonly Located[];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Reads `license` (and a name) from a dataset info file; undefined when it is not JSON. */
export function readDatasetInfo(source: string, fileName: string): DatasetInfo | undefined {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const records = fileName === 'dataset_infos.json' ? Object.values(data as Record<string, unknown>).slice(0, 100) : [data];
  const licenses: Located[] = [];
  let name: string | undefined;
  for (const record of records) {
    if (!record || typeof record !== 'object') continue;
    const r = record as Record<string, unknown>;
    const license = text(r.license);
    if (license && !licenses.some((l) => l.value === license)) licenses.push({ value: license });
    name ??= text(r.dataset_name) ?? text(r.builder_name);
  }
  return { ...(name && { name }), licenses };
}
