/**
 * What the CycloneDX output reads from the report's inventory (written by plugins; every field is
 * optional and checked, since the inventory is free-form):
 *
 * - `inventory.license[]`: `{ kind: 'model' | 'dataset', name?, path?, expression?, sources? }`, the
 *   licence plugin's effective licence of each model and dataset.
 * - any namespace, entries with `kind: 'model-card'`: `{ path, name?, task?, architecture?,
 *   architectureFamily?, baseModel?, datasets?: string[], metrics?: { type, value, slice? }[],
 *   useCases?: string[], limitations?: string[], license? }`.
 * - any namespace, entries with `kind: 'dataset'` and a `name`: datasets named by manifests and
 *   cards (`path` is the manifest or card).
 */
import type { Report } from '@modelgate/plugin-api';
import { compareStrings } from '../canonical.js';

/** A licence as the inventory gives it. */
export interface LicenseFact {
  kind: string;
  name?: string;
  path?: string;
  expression: string;
  sources: string[];
}

/** Model-card data for one directory. */
export interface ModelCardFact {
  path: string;
  name?: string;
  task?: string;
  architecture?: string;
  architectureFamily?: string;
  baseModel?: string;
  datasets: string[];
  metrics: { type: string; value: string; slice?: string }[];
  useCases: string[];
  limitations: string[];
  license?: string;
}

/** A dataset named by a manifest or card. */
export interface DatasetFact {
  name: string;
  path?: string;
  license?: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null ? str((v as Record<string, unknown>)['name']) : undefined)).filter((v): v is string => v !== undefined && v.trim() !== '') : typeof value === 'string' && value.trim() !== '' ? [value] : [];

function sourceText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    // The licence plugin writes { from, path, line?, value, expression }.
    const line = typeof record['line'] === 'number' ? `:${record['line']}` : '';
    const where = str(record['path']) === undefined ? undefined : `${str(record['path'])}${line}`;
    const what = str(record['value']) ?? str(record['expression']);
    const parts = [str(record['from']), where, str(record['field'])].filter(Boolean);
    if (parts.length === 0 && what === undefined) return JSON.stringify(value);
    return `${parts.join(' ')}${what === undefined ? '' : `${parts.length > 0 ? ': ' : ''}${what}`}`;
  }
  return undefined;
}

/** Facts read from a report's inventory (see module doc). */
export interface InventoryFacts {
  licenses: LicenseFact[];
  cards: ModelCardFact[];
  datasets: DatasetFact[];
}

/**
 * Reads the facts the BOM uses from `report.inventory`; absent or malformed entries are ignored.
 *
 * @param report - the report.
 */
export function readInventory(report: Report): InventoryFacts {
  const inventory = report.inventory ?? {};
  const licenses: LicenseFact[] = [];
  for (const entry of inventory['license'] ?? []) {
    const expression = str(entry['expression']);
    if (expression === undefined) continue;
    const name = str(entry['name']);
    const path = str(entry['path']);
    licenses.push({
      kind: str(entry['kind']) ?? 'model',
      ...(name !== undefined && { name }),
      ...(path !== undefined && { path }),
      expression,
      sources: Array.isArray(entry['sources']) ? entry['sources'].map(sourceText).filter((s): s is string => s !== undefined) : [],
    });
  }
  const cards: ModelCardFact[] = [];
  const datasets: DatasetFact[] = [];
  for (const namespace of Object.keys(inventory).sort(compareStrings)) {
    for (const entry of inventory[namespace] ?? []) {
      const kind = str(entry['kind']);
      if (kind === 'model-card') {
        const path = str(entry['path']) ?? '';
        const metrics = Array.isArray(entry['metrics'])
          ? entry['metrics'].flatMap((m: unknown) => {
              if (typeof m !== 'object' || m === null) return [];
              const record = m as Record<string, unknown>;
              const type = str(record['type']) ?? str(record['name']);
              const value = record['value'];
              if (type === undefined || (typeof value !== 'string' && typeof value !== 'number')) return [];
              const slice = str(record['slice']) ?? str(record['dataset']);
              return [{ type, value: String(value), ...(slice !== undefined && { slice }) }];
            })
          : [];
        const optional = (key: string, ...names: string[]) => {
          for (const n of names) {
            const value = str(entry[n]);
            if (value !== undefined) return { [key]: value };
          }
          return {};
        };
        cards.push({
          path,
          ...optional('name', 'name'),
          ...optional('task', 'task', 'pipelineTag', 'pipeline_tag'),
          ...optional('architecture', 'architecture', 'modelArchitecture'),
          ...optional('architectureFamily', 'architectureFamily', 'modelType', 'model_type'),
          ...optional('baseModel', 'baseModel', 'base_model'),
          ...optional('license', 'license'),
          datasets: strings(entry['datasets']),
          metrics,
          useCases: strings(entry['useCases'] ?? entry['intendedUses']),
          limitations: strings(entry['limitations']),
        });
      } else if (kind === 'dataset' && namespace !== 'license') {
        const name = str(entry['name']);
        if (name === undefined) continue;
        const path = str(entry['path']);
        const license = str(entry['license']);
        datasets.push({ name, ...(path !== undefined && { path }), ...(license !== undefined && { license }) });
      }
    }
  }
  return { licenses, cards, datasets };
}
