import type { Rule } from '../rule.js';

/** The kinds of document the plugin reads. */
export type DocumentKind =
  | 'dataset-manifest'
  | 'modelgate-manifest'
  | 'provenance'
  | 'model-card'
  | 'card-front-matter'
  | 'croissant'
  | 'model-signing'
  | 'checksums';

/**
 * What a listed file is to the document. `file`: content that must be present. The others are
 * provenance artefacts (training data, base model, training script) often kept elsewhere: they
 * are checked only when present in the scan.
 */
export type EntryRole = 'file' | 'artifact' | 'base-model' | 'script';

/** A digest as written in a document, not yet validated. */
export interface DeclaredDigest {
  /** Lower-case algorithm name (`sha256`, `md5`, ...). */
  algorithm: string;
  value: unknown;
}

/** One file a document declares, as written (validation happens in the checks). */
export interface DeclaredFile {
  /** The path as written, relative to the document's base directory. */
  path: unknown;
  /** 1-based entry number, for messages. */
  index: number;
  /** Line of the entry in the document, when known. */
  line?: number;
  /** Where in the document the entry is (e.g. `['distribution', '3']`). */
  logical?: string[];
  digests: DeclaredDigest[];
  size?: unknown;
  rowCount?: unknown;
  role: EntryRole;
}

/** validation: of a dataset manifest. */
export interface Validation {
  rowCount?: unknown;
  line?: number;
  dateRange?: { start: string; end: string };
  dateColumn?: string;
  /** CSV/TSV files have a header row (default true). */
  header: boolean;
}

/** One split of a Hugging Face dataset card: declared examples and its data file patterns. */
export interface CardSplit {
  config: string;
  split: string;
  numExamples: number;
  patterns: string[];
  line?: number;
}

/** What provenance.yaml (or a card) says, reduced to what the checklist needs. */
export interface ProvenanceFacts {
  frameworkPinned: boolean | undefined;
  unpinned: string[];
  cuda: boolean;
  datasetVersion: boolean;
  seed: boolean;
  script: boolean;
  modelCard: boolean;
  license: boolean;
}

/** A document reduced to the facts the checks need. */
export interface ManifestDocument {
  kind: DocumentKind;
  /** Root-relative path of the document (absolute for a `--manifest` outside the scan). */
  path: string;
  /** Root-relative directory the document's paths are relative to ('' for the root). */
  baseDir: string;
  entries: DeclaredFile[];
  /** The document claims to list every file below `baseDir`. */
  complete: boolean;
  /** Root-relative paths (files, or directories as prefixes) the completeness claim excludes. */
  ignore: string[];
  /** Entries whose path is a URL are remote resources, not expected locally (Croissant). */
  remoteOk: boolean;
  validation?: Validation;
  splits?: CardSplit[];
  provenance?: ProvenanceFacts;
  /** Problems the reader found in the document itself, reported as they are. */
  issues: DocumentIssue[];
  /** Licence named by a card (for the provenance checklist). */
  license?: string;
}

/** A finding a document reader found, reported against the document. */
export interface DocumentIssue {
  rule: Rule;
  messageId: string;
  data: Record<string, string | number>;
  line?: number;
}

/** A document that cannot be analysed: the scanner turns it into `ctx.fail`. */
export class DocumentError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'DocumentError';
  }

  /** `path:line:column: message`, as compilers print it. */
  describe(path: string): string {
    const at = this.line !== undefined ? `:${this.line}${this.column !== undefined ? `:${this.column}` : ''}` : '';
    return `${path}${at}: ${this.message}`;
  }
}
