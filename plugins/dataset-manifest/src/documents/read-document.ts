import type { DocumentPlace } from './base.js';
import { readCard } from './card.js';
import { readChecksums } from './checksums.js';
import { readCroissant } from './croissant.js';
import { readDatasetManifest } from './dataset-manifest.js';
import type { DocumentKind, ManifestDocument } from './model.js';
import { readModelSigning } from './model-signing.js';
import { readProvenance } from './provenance.js';

/**
 * Reads a document of `kind` from its text. Throws a `DocumentError` when it cannot be analysed;
 * returns undefined when the file turns out to be no such document (a README without front
 * matter, a `metadata.json` that is not Croissant, a `.sig` that is not a DSSE bundle).
 */
export function readDocument(kind: DocumentKind, text: string, place: DocumentPlace): ManifestDocument | undefined {
  switch (kind) {
    case 'dataset-manifest':
    case 'modelgate-manifest':
      return readDatasetManifest(kind, text, place);
    case 'provenance':
      return readProvenance(text, place);
    case 'model-card':
    case 'card-front-matter':
      return readCard(kind, text, place);
    case 'croissant':
      return readCroissant(text, place);
    case 'model-signing':
      return readModelSigning(text, place);
    case 'checksums':
      return readChecksums(text, place);
  }
}
