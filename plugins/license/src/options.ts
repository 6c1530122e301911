import { resolveLicense } from './licenses/resolve.js';
import { leaves } from './licenses/expression.js';

export { optionsSchema } from './options-schema.js';

/** The licence policy from the config (`license: { allow, deny, use }`). */
export interface Policy {
  /** Licence ids every model and dataset must be covered by (undefined: no allow list). */
  readonly allow?: readonly string[];
  readonly deny: readonly string[];
  readonly use?: 'commercial' | 'research';
}


/** Canonical ids of a policy entry ("apache-2.0" → Apache-2.0, "llama3" → its LicenseRef). */
function idsOf(entry: string): string[] {
  const resolved = resolveLicense(entry);
  return resolved.tree ? leaves(resolved.tree) : [entry];
}

/** Reads the validated options into a {@link Policy}. */
export function readPolicy(options: Readonly<Record<string, unknown>>): Policy {
  const list = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string').flatMap(idsOf) : undefined);
  const allow = list(options.allow);
  const use = options.use === 'commercial' || options.use === 'research' ? options.use : undefined;
  return { ...(allow && { allow }), deny: list(options.deny) ?? [], ...(use && { use }) };
}
