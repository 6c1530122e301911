import type { CheckContext } from '../analysis/check-context.js';
import { imposedRestrictions } from '../analysis/restrictions-of.js';
import { choices } from '../licenses/expression.js';
import { licenseFamily } from '../licenses/traits.js';
import { policyViolation } from './declarations.js';
import { unitName, unitPath } from '../tree/unit.js';

const matches = (id: string, list: readonly string[]): boolean => list.some((entry) => entry === id || licenseFamily(entry) === licenseFamily(id));

/** Checks every unit's effective licence against `license.allow`, `license.deny` and `license.use`. */
export function checkPolicyViolation(cx: CheckContext): void {
  const { allow, deny, use } = cx.policy;
  if (!allow && deny.length === 0 && !use) return;
  for (const analysis of cx.analyses) {
    const { unit, effective } = analysis;
    const base = { path: unitPath(unit) };
    const data = { kind: unit.kind, name: unitName(unit) };
    if (!effective) {
      if (allow) cx.report(policyViolation, 'noLicense', { ...base, data, evidence: { allow } });
      continue;
    }
    const options = choices(effective.tree);
    const evidence = { expression: effective.expression };
    if (deny.length > 0 && options.every((choice) => choice.some((id) => matches(id, deny)))) {
      const denied = [...new Set(options.flatMap((choice) => choice.filter((id) => matches(id, deny))))];
      cx.report(policyViolation, 'denied', { ...base, data: { ...data, license: denied.join(', ') }, evidence: { ...evidence, denied } });
    }
    if (allow && !options.some((choice) => choice.every((id) => matches(id, allow)))) {
      const closest = [...options].sort((a, b) => a.filter((id) => !matches(id, allow)).length - b.filter((id) => !matches(id, allow)).length)[0]!;
      const outside = closest.filter((id) => !matches(id, allow));
      cx.report(policyViolation, 'notAllowed', { ...base, data: { ...data, license: outside.join(', ') }, evidence: { ...evidence, notAllowed: outside } });
    }
    if (use === 'commercial') {
      const nonCommercial = imposedRestrictions(effective.tree)?.find((r) => r.kind === 'nonCommercial');
      if (nonCommercial) cx.report(policyViolation, 'commercial', { ...base, data: { ...data, license: nonCommercial.ids.join(', ') }, evidence: { ...evidence, nonCommercial: nonCommercial.ids } });
    }
  }
}
