import type { RuleMeta } from '@modelgate/plugin-api';
import type { CheckContext } from '../analysis/check-context.js';
import type { Rule } from '../rule.js';
import { checkInvalidMetadata, invalidMetadata } from './invalid-metadata.js';
import { checkLicenseMismatch, licenseMismatch } from './license-mismatch.js';
import { checkMissingLicense, missingLicense } from './missing-license.js';
import { checkPolicyViolation, policyViolation } from './policy-violation.js';
import { checkUnknownLicense, unknownLicense } from './unknown-license.js';
import { checkUpstreamConflict, upstreamConflict } from './upstream-conflict.js';
import { checkUseRestriction, useRestriction } from './use-restriction.js';

/** Every rule of the plugin, in the order the docs list them. */
export const ALL_RULES: readonly Rule[] = [missingLicense, unknownLicense, licenseMismatch, upstreamConflict, useRestriction, policyViolation, invalidMetadata];

/** Every rule's check, run in this order on one scan's analysis. */
export const CHECKS: readonly ((cx: CheckContext) => void)[] = [
  checkMissingLicense,
  checkUnknownLicense,
  checkLicenseMismatch,
  checkUpstreamConflict,
  checkUseRestriction,
  checkPolicyViolation,
  checkInvalidMetadata,
];

/** The plugin's `rules` record: rule name → declared meta. Docs: `docs/rules/<name>.md`. */
export const rules: Record<string, RuleMeta> = Object.fromEntries(ALL_RULES.map((rule) => [rule.name, rule.meta]));
