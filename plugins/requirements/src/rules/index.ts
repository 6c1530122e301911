import type { RuleMeta } from '@modelgate/plugin-api';
import type { Rule } from '../rule.js';
import { cudaMismatch } from './cuda-mismatch.js';
import { extraIndex } from './extra-index.js';
import { hashModeBroken } from './hash-mode-broken.js';
import { includeCycle } from './include-cycle.js';
import { includeUnresolved } from './include-unresolved.js';
import { insecureIndex } from './insecure-index.js';
import { invalidRequirement } from './invalid-requirement.js';
import { maliciousPackage } from './malicious-package.js';
import { missingHashes } from './missing-hashes.js';
import { noAdvisoryData } from './no-advisory-data.js';
import { torchMismatch } from './torch-mismatch.js';
import { typosquat } from './typosquat.js';
import { unpinned } from './unpinned.js';
import { urlUnhashed } from './url-unhashed.js';
import { vcsUnpinned } from './vcs-unpinned.js';
import { vulnerablePinCritical } from './vulnerable-pin-critical.js';
import { vulnerablePinHigh } from './vulnerable-pin-high.js';
import { vulnerablePinLow } from './vulnerable-pin-low.js';
import { vulnerablePinMedium } from './vulnerable-pin-medium.js';
import { vulnerableRange } from './vulnerable-range.js';

/** Every rule of the plugin, in the order the docs list them. */
export const ALL_RULES: readonly Rule[] = [
  vulnerablePinCritical,
  vulnerablePinHigh,
  vulnerablePinMedium,
  vulnerablePinLow,
  vulnerableRange,
  maliciousPackage,
  unpinned,
  missingHashes,
  hashModeBroken,
  extraIndex,
  insecureIndex,
  vcsUnpinned,
  urlUnhashed,
  torchMismatch,
  cudaMismatch,
  typosquat,
  noAdvisoryData,
  invalidRequirement,
  includeCycle,
  includeUnresolved,
];

/** The plugin's `rules` record: rule name → declared meta. Docs: `docs/rules/<name>.md`. */
export const rules: Record<string, RuleMeta> = Object.fromEntries(ALL_RULES.map((rule) => [rule.name, rule.meta]));
