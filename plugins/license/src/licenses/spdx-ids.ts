import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const CURRENT = require('spdx-license-ids') as string[];
const DEPRECATED = require('spdx-license-ids/deprecated.json') as string[];

/** Current SPDX licence ids. */
export const SPDX_IDS: ReadonlySet<string> = new Set(CURRENT);

/** Deprecated SPDX licence ids (`GPL-2.0`, `GPL-3.0+`, …): valid but ambiguous. */
export const DEPRECATED_SPDX_IDS: ReadonlySet<string> = new Set(DEPRECATED);

const BY_LOWER = new Map<string, string>([...DEPRECATED, ...CURRENT].map((id) => [id.toLowerCase(), id]));

/**
 * The canonical spelling of an SPDX id matched case-insensitively (SPDX ids are case-insensitive
 * by the specification, so this is not a fuzzy correction), or undefined.
 */
export function canonicalSpdxId(token: string): string | undefined {
  return BY_LOWER.get(token.toLowerCase());
}

/** Every id the suggestion search considers (current SPDX ids). */
export function allSpdxIds(): readonly string[] {
  return CURRENT;
}
