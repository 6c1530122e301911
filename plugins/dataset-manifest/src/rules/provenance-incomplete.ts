import { defineRule } from '../rule.js';

/**
 * The provenance checklist items, in report order. A team drives the list to zero.
 * `framework-versions`: every dependency pinned to an exact version.
 */
export const PROVENANCE_ITEMS = ['framework-versions', 'cuda-version', 'dataset-version', 'random-seed', 'training-script', 'model-card', 'license'] as const;

/** One checklist item of a provenance document. */
export type ProvenanceItem = (typeof PROVENANCE_ITEMS)[number];

/** One finding per missing provenance item. */
export const provenanceIncomplete = defineRule('provenance-incomplete', {
  description: 'provenance.yaml misses an item of the reproducibility checklist: pinned framework versions, CUDA version, dataset version, random seed, training script, model card, licence.',
  defaultSeverity: 'low',
  messages: {
    missing: '{{document}} misses {{item}}: {{hint}}',
  },
  tags: ['provenance', 'reproducibility'],
});
