import type { DocumentKind, ManifestDocument } from './model.js';

/** Where a document is: its report path and the directory its paths are relative to. */
export interface DocumentPlace {
  path: string;
  baseDir: string;
}

/** An empty document of `kind` at `place`, for readers to fill. */
export function emptyDocument(kind: DocumentKind, place: DocumentPlace): ManifestDocument {
  return { kind, path: place.path, baseDir: place.baseDir, entries: [], complete: false, ignore: [], remoteOk: false, issues: [] };
}
