import type { ResolvedLicense } from '../licenses/resolve.js';
import type { Located } from '../sources/card.js';
import type { LicenseFile } from '../sources/license-file.js';
import type { UpstreamRef } from '../sources/provenance.js';

/** Where a licence statement was found (the `from` of inventory sources). */
export type SourceKind = 'card' | 'modelcard' | 'provenance' | 'manifest' | 'dataset_info' | 'LICENSE' | 'gguf' | 'safetensors';

/** One licence statement in one file. */
export interface Declaration {
  readonly from: SourceKind;
  readonly path: string;
  readonly line?: number;
  /** The value as written (for LICENSE files: the identified SPDX id). */
  readonly value: string;
  readonly resolved: ResolvedLicense;
}

/** An upstream reference with the file it was read from. */
export interface Reference extends UpstreamRef {
  readonly path: string;
  readonly from: 'card' | 'modelcard' | 'provenance';
}

/** A problem that kept a licence source from being read. */
export interface Problem {
  readonly path: string;
  readonly line?: number;
  readonly kind: 'invalid-yaml' | 'invalid-json' | 'not-text' | 'unreadable';
  readonly detail: string;
}

/** Declarations within one document that contradict each other. */
export interface CardConflict {
  readonly path: string;
  readonly key: string;
  readonly lines: readonly number[];
  readonly values: readonly string[];
}

/**
 * A model or dataset: a directory holding a card, manifest, provenance file, licence file or
 * weights, with every licence statement found for it.
 */
export interface Unit {
  /** Directory, root-relative ('' for the scan root). */
  readonly dir: string;
  kind: 'model' | 'dataset';
  /** Names it goes by (the first is shown), from its documents; the directory name last. */
  readonly names: string[];
  /** The file findings about the unit point at (its card or first document). */
  primary?: string;
  readonly declarations: Declaration[];
  readonly licenseFiles: LicenseFile[];
  /** Licence files of an ancestor directory, used when the unit declares nothing itself. */
  readonly inheritedLicenseFiles: LicenseFile[];
  readonly baseModels: Reference[];
  readonly datasets: Reference[];
  readonly weights: string[];
  readonly conflicts: CardConflict[];
  /** `license: other` without `license_name`, `license: unknown`, … for the unknown-licence rule. */
  readonly notes: { path: string; line?: number; note: 'other-unnamed' | 'declared-unknown' }[];
  /** License link of the card, kept for the inventory. */
  licenseLink?: Located;
}

/** A new, empty unit for a directory. */
export function createUnit(dir: string, kind: Unit['kind']): Unit {
  return { dir, kind, names: [], declarations: [], licenseFiles: [], inheritedLicenseFiles: [], baseModels: [], datasets: [], weights: [], conflicts: [], notes: [] };
}

/** The name shown for a unit. */
export function unitName(unit: Unit): string {
  return unit.names[0] ?? (unit.dir === '' ? '.' : unit.dir.slice(unit.dir.lastIndexOf('/') + 1));
}

/** The file findings about a unit point at. */
export function unitPath(unit: Unit): string {
  return unit.primary ?? unit.licenseFiles[0]?.path ?? unit.weights[0] ?? (unit.dir || '.');
}
