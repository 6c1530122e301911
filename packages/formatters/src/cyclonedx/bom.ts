/**
 * CycloneDX 1.6 ML-BOM of a report: a `machine-learning-model` component per model, a `data`
 * component per dataset, with SHA-256 hashes, licences, formats and model-card data. Components,
 * hashes, licences and properties are built with `@cyclonedx/cyclonedx-library` (loaded on first
 * use: it costs ~100 ms); the library has no model for `modelCard` or `data`, so those are added
 * to its normalized JSON.
 */
import { createRequire } from 'node:module';
import type { Report } from '@modelgate/plugin-api';
import { compareStrings } from '../canonical.js';
import { dirname, findAssets, type Asset } from './assets.js';
import { readInventory, type InventoryFacts, type LicenseFact, type ModelCardFact } from './inventory.js';

type Library = typeof import('@cyclonedx/cyclonedx-library');
type Component = import('@cyclonedx/cyclonedx-library').Models.Component;

const require = createRequire(import.meta.url);
let library: Library | undefined;
const cdx = (): Library => (library ??= require('@cyclonedx/cyclonedx-library') as Library);

/** The `properties` name prefix of modelgate's own properties. */
export const PROPERTY_PREFIX = 'modelgate:';

/** `.` is the scan root (''), `./a` is `a`, a trailing slash is dropped. */
function normalizePath(path: string): string {
  if (path === '.' || path === './') return '';
  return path.replace(/^\.\//u, '').replace(/\/+$/u, '');
}

/** How specifically a licence or card at `path` applies to an asset: higher is more specific, -1 not at all. */
function scopeScore(raw: string | undefined, asset: Asset): number {
  if (raw === undefined) return 0;
  const path = normalizePath(raw);
  if (asset.files.some((f) => f.path === path) || path === asset.name) return Number.MAX_SAFE_INTEGER;
  // A file (a card, a manifest) speaks for its directory; a directory for itself.
  const dir = /\.[^/]+$/u.test(path) ? dirname(path) : path;
  if (dir === '') return 0;
  return asset.directory === dir || asset.directory.startsWith(`${dir}/`) ? dir.length + 1 : -1;
}

function mostSpecific<T extends { path?: string }>(facts: readonly T[], asset: Asset, extra: (fact: T) => boolean = () => false): T | undefined {
  let chosen: T | undefined;
  let score = -1;
  for (const fact of facts) {
    const s = extra(fact) ? Number.MAX_SAFE_INTEGER : scopeScore(fact.path, asset);
    if (s > score) {
      chosen = fact;
      score = s;
    }
  }
  return chosen;
}

/** Adds datasets named by manifests, cards and the licence inventory that are not files of the scan. */
function namedDatasets(assets: Asset[], facts: InventoryFacts): void {
  const byName = new Map<string, Asset>();
  for (const asset of assets) if (asset.kind === 'dataset') byName.set(asset.name, asset);
  const declare = (name: string, path?: string): void => {
    if ([...byName.values()].some((a) => a.declaredName === name) || byName.has(name)) return;
    const where = path === undefined ? undefined : normalizePath(path);
    const file = where === undefined ? undefined : assets.find((a) => a.kind === 'dataset' && a.files.some((f) => f.path === where));
    if (file !== undefined && file.declaredName === undefined) {
      file.declaredName = name;
      return;
    }
    // A manifest or card naming the dataset of its directory: the data files there are that dataset.
    const directory = where === undefined ? undefined : /\.[^/]+$/u.test(where) ? dirname(where) : where;
    const inside = directory === undefined ? [] : assets.filter((a) => a.kind === 'dataset' && a.files.length > 0 && a.declaredName === undefined && a.directory === directory);
    if (inside.length > 0) {
      for (const asset of inside) asset.declaredName = name;
      return;
    }
    const asset: Asset = { kind: 'dataset', bomRef: `dataset:name:${name}`, name, directory: where === undefined ? '' : dirname(where), format: 'declared', files: [], declaredName: name };
    byName.set(name, asset);
    assets.push(asset);
  };
  for (const fact of facts.datasets) declare(fact.name, fact.path);
  for (const fact of facts.licenses) if (fact.kind === 'dataset' && fact.name !== undefined) declare(fact.name, fact.path);
  for (const card of facts.cards) for (const name of card.datasets) declare(name);
  assets.sort((a, b) => compareStrings(a.bomRef, b.bomRef));
}

function licenseOf(asset: Asset, facts: InventoryFacts): LicenseFact | undefined {
  const kind = asset.kind === 'model' ? 'model' : 'dataset';
  const candidates = facts.licenses.filter((l) => l.kind === kind);
  return mostSpecific(candidates, asset, (fact) => fact.name !== undefined && fact.name === asset.declaredName);
}

function licenseRepository(fact: LicenseFact | string | undefined) {
  const { Models, SPDX } = cdx();
  const repository = new Models.LicenseRepository();
  const expression = typeof fact === 'string' ? fact : fact?.expression;
  if (expression === undefined) return repository;
  if (SPDX.isSupportedSpdxId(expression)) repository.add(new Models.SpdxLicense(expression));
  else if (/^[A-Za-z0-9.+:()\- ]+$/u.test(expression) && (/^LicenseRef-/u.test(expression) || /\s(AND|OR|WITH)\s/u.test(expression))) {
    repository.add(new Models.LicenseExpression(expression));
  } else repository.add(new Models.NamedLicense(expression));
  return repository;
}

function component(asset: Asset, facts: InventoryFacts, findings: Map<string, number>): Component {
  const { Enums, Models } = cdx();
  const type = asset.kind === 'model' ? Enums.ComponentType.MachineLearningModel : Enums.ComponentType.Data;
  const props: [string, string][] = [['format', asset.format]];
  const license = licenseOf(asset, facts);
  for (const source of license?.sources ?? []) props.push(['license-source', source]);
  if (asset.declaredName !== undefined && asset.declaredName !== asset.name) props.push(['declared-name', asset.declaredName]);
  if (asset.shardsExpected !== undefined) {
    props.push(['shards', String(asset.files.filter((f) => f.format === asset.files[0]?.format).length)], ['shards-expected', String(asset.shardsExpected)]);
  }
  const single = asset.files.length === 1 ? asset.files[0] : undefined;
  if (single !== undefined) {
    props.push(['path', single.path], ['size', String(single.size)]);
    if (single.member !== undefined) props.push(['archive-member', single.member]);
  } else if (asset.files.length > 1) {
    props.push(['size', String(asset.files.reduce((n, f) => n + f.size, 0))]);
  }
  const count = asset.files.reduce((n, f) => n + (findings.get(f.member === undefined ? f.path : `${f.path}!/${f.member}`) ?? 0), 0);
  props.push(['findings', String(count)]);

  const hashes = new Models.HashDictionary();
  if (single?.sha256 !== undefined) hashes.set(Enums.HashAlgorithm['SHA-256'], single.sha256);
  const parts =
    asset.files.length > 1
      ? new Models.ComponentRepository(
          asset.files.map((file) => {
            const partHashes = new Models.HashDictionary();
            if (file.sha256 !== undefined) partHashes.set(Enums.HashAlgorithm['SHA-256'], file.sha256);
            return new Models.Component(Enums.ComponentType.File, file.path, {
              bomRef: `${asset.bomRef}#${file.path}`,
              hashes: partHashes,
              properties: new Models.PropertyRepository([
                new Models.Property(`${PROPERTY_PREFIX}size`, String(file.size)),
                ...(file.format === undefined ? [] : [new Models.Property(`${PROPERTY_PREFIX}format`, file.format)]),
              ]),
            });
          }),
        )
      : undefined;
  return new Models.Component(type, asset.name, {
    bomRef: asset.bomRef,
    hashes,
    licenses: licenseRepository(license),
    properties: new Models.PropertyRepository(props.map(([name, value]) => new Models.Property(`${PROPERTY_PREFIX}${name}`, value))),
    ...(parts !== undefined && { components: parts }),
  });
}

type Json = Record<string, unknown>;

function modelCard(card: ModelCardFact, datasetRef: (name: string) => string | undefined): Json {
  const parameters: Json = {};
  if (card.task !== undefined) parameters['task'] = card.task;
  if (card.architectureFamily !== undefined) parameters['architectureFamily'] = card.architectureFamily;
  if (card.architecture !== undefined) parameters['modelArchitecture'] = card.architecture;
  const refs = card.datasets.map(datasetRef).filter((r): r is string => r !== undefined);
  if (refs.length > 0) parameters['datasets'] = refs.map((ref) => ({ ref }));
  const out: Json = {};
  if (Object.keys(parameters).length > 0) out['modelParameters'] = parameters;
  if (card.metrics.length > 0) out['quantitativeAnalysis'] = { performanceMetrics: card.metrics.map((m) => ({ type: m.type, value: m.value, ...(m.slice !== undefined && { slice: m.slice }) })) };
  const considerations: Json = {};
  if (card.useCases.length > 0) considerations['useCases'] = card.useCases;
  if (card.limitations.length > 0) considerations['technicalLimitations'] = card.limitations;
  if (Object.keys(considerations).length > 0) out['considerations'] = considerations;
  const properties = [
    ...(card.path !== '' ? [{ name: `${PROPERTY_PREFIX}card`, value: card.path }] : []),
    ...(card.name !== undefined ? [{ name: `${PROPERTY_PREFIX}card-name`, value: card.name }] : []),
    ...(card.baseModel !== undefined ? [{ name: `${PROPERTY_PREFIX}base-model`, value: card.baseModel }] : []),
  ];
  if (properties.length > 0) out['properties'] = properties;
  return out;
}

/**
 * The CycloneDX 1.6 BOM of a report, as plain JSON data (see the module doc for what goes in).
 * Deterministic: no serial number, the timestamp is the scan's start, lists are sorted.
 *
 * @param report - the report; not modified.
 * @returns the BOM object, ready for `JSON.stringify`.
 */
export function toCycloneDx(report: Report): Json {
  const { Enums, Models, Serialize, Spec } = cdx();
  const facts = readInventory(report);
  const assets = findAssets(report);
  namedDatasets(assets, facts);
  const findings = new Map<string, number>();
  for (const f of report.findings) {
    if (f.suppressed !== undefined) continue;
    const key = f.location.member === undefined ? f.location.path : `${f.location.path}!/${f.location.member}`;
    findings.set(key, (findings.get(key) ?? 0) + 1);
  }

  const tool = new Models.Component(Enums.ComponentType.Application, 'modelgate', { version: report.tool.version });
  const started = new Date(report.run.startedAt);
  const bom = new Models.Bom({
    metadata: new Models.Metadata({
      ...(Number.isNaN(started.getTime()) ? {} : { timestamp: started }),
      tools: new Models.Tools({ components: new Models.ComponentRepository([tool]) }),
    }),
    components: new Models.ComponentRepository(assets.map((asset) => component(asset, facts, findings))),
  });
  const normalizer = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6).makeForBom();
  const json = JSON.parse(JSON.stringify(normalizer.normalize(bom, { sortLists: true }))) as Json;

  // modelCard and data: not modelled by the library, added to its output by bom-ref.
  const refOfDataset = (name: string): string | undefined => assets.find((a) => a.kind === 'dataset' && (a.declaredName === name || a.name === name))?.bomRef;
  // The library sorts with localeCompare, which depends on the machine's locale: sort by bom-ref.
  const components = ((json['components'] as Json[] | undefined) ?? []).sort((a, b) => compareStrings(String(a['bom-ref']), String(b['bom-ref'])));
  if (components.length > 0) json['components'] = components;
  for (const entry of components) {
    const asset = assets.find((a) => a.bomRef === entry['bom-ref']);
    if (asset === undefined) continue;
    if (asset.kind === 'model') {
      const card = mostSpecific(facts.cards, asset);
      entry['modelCard'] = card === undefined ? {} : modelCard(card, refOfDataset);
      if (card?.name !== undefined) entry['description'] = card.name;
      if (card?.license !== undefined && (entry['licenses'] === undefined || (entry['licenses'] as unknown[]).length === 0)) {
        entry['licenses'] = [{ expression: card.license }];
      }
    } else {
      entry['data'] = [{ type: 'dataset', name: asset.declaredName ?? asset.name }];
    }
  }
  return json;
}

/**
 * Formats a report as a CycloneDX 1.6 ML-BOM, JSON with 2-space indentation and a final newline.
 *
 * @param report - the report; not modified.
 * @returns the BOM text.
 */
export function formatCycloneDx(report: Report): string {
  return `${JSON.stringify(toCycloneDx(report), null, 2)}\n`;
}
