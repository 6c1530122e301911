import type { ManifestDocument } from '../documents/model.js';
import { dirnameOf, resolvePath } from '../paths.js';
import { PROVENANCE_ITEMS, provenanceIncomplete, type ProvenanceItem } from '../rules/provenance-incomplete.js';
import type { CheckContext } from './context.js';

const CARD_FILES = ['README.md', 'modelcard.yaml', 'modelcard.yml', 'model_card.yaml', 'MODEL_CARD.md', 'model_card.md'];
const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'LICENCE.md', 'LICENCE.txt', 'COPYING'];

/**
 * The provenance checklist: one finding per missing item, the item named, so a team can drive
 * the list to zero. A model card or licence counts when provenance.yaml names it, or a card or
 * LICENSE file sits next to it (a card's `license:` counts for the licence).
 */
export function checkProvenance(doc: ManifestDocument, all: readonly ManifestDocument[], cx: CheckContext): void {
  const facts = doc.provenance;
  if (!facts) return;
  const dir = dirnameOf(doc.path);
  const exists = (names: string[]) => names.some((name) => cx.directory.lookup(resolvePath(dir, name))?.kind === 'file');
  const cardLicense = all.some((d) => (d.kind === 'card-front-matter' || d.kind === 'model-card') && dirnameOf(d.path) === dir && d.license);
  const missing: Partial<Record<ProvenanceItem, string>> = {};
  if (facts.frameworkPinned === undefined) missing['framework-versions'] = 'no dependencies with versions are listed';
  else if (!facts.frameworkPinned) missing['framework-versions'] = `not pinned to exact versions: ${facts.unpinned.slice(0, 10).join(', ')}`;
  if (!facts.cuda) missing['cuda-version'] = 'no CUDA version is recorded (e.g. training.cuda_version)';
  if (!facts.datasetVersion) missing['dataset-version'] = 'training_data has no version';
  if (!facts.seed) missing['random-seed'] = 'training.random_seed is not set to an integer';
  if (!facts.script) missing['training-script'] = 'training.script is not set';
  if (!facts.modelCard && !exists(CARD_FILES)) missing['model-card'] = 'no model_card field and no model card next to it';
  if (!facts.license && !cardLicense && !exists(LICENSE_FILES)) missing.license = 'no license field, LICENSE file or card licence';
  for (const item of PROVENANCE_ITEMS) {
    const hint = missing[item];
    if (hint) cx.report(provenanceIncomplete, 'missing', { path: doc.path, data: { document: doc.path, item, hint }, evidence: { item } });
  }
}
