import type { CheckContext } from '../analysis/check-context.js';
import { checkInvalidMetadata } from './invalid-metadata.js';
import { checkLicenseMismatch } from './license-mismatch.js';
import { checkMissingLicense } from './missing-license.js';
import { checkPolicyViolation } from './policy-violation.js';
import { checkUnknownLicense } from './unknown-license.js';
import { checkUpstreamConflict } from './upstream-conflict.js';
import { checkUseRestriction } from './use-restriction.js';

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

export { ALL_RULES, rules } from './declarations.js';
