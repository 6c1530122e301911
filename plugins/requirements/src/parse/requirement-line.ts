import type { Requirement } from '../model.js';
import { clip } from '../text/lines.js';
import { normalizeName } from '../text/names.js';
import { pinnedVersion } from '../text/pep440.js';
import { ENV_VAR } from './logical-lines.js';
import { parseRequirementString, type ParsedRequirement } from './pep508.js';

/**
 * Parses a requirement argument into a {@link Requirement}. An unexpanded `${VAR}` makes it
 * dynamic: the name is kept, the version is unknown (a scan never reads the environment).
 */
export function toRequirement(
  arg: string,
  where: { path: string; line: number },
  extra: { hashes?: string[]; editable?: boolean; constraint?: boolean; conda?: boolean } = {},
): { ok: true; req: Requirement } | Extract<ParsedRequirement, { ok: false }> {
  const dynamic = ENV_VAR.test(arg);
  ENV_VAR.lastIndex = 0;
  const parsed = parseRequirementString(dynamic ? arg.replace(ENV_VAR, '0') : arg);
  if (!parsed.ok) return parsed;
  const r = parsed.req;
  const pinned = dynamic ? undefined : pinnedVersion(r.clauses);
  const url = dynamic && r.url ? arg.trim().split(/\s+;/)[0]!.replace(/^[^@]*@\s*/, '') : r.url;
  return {
    ok: true,
    req: {
      name: r.name,
      key: r.name ? normalizeName(r.name) : '',
      specifier: dynamic ? '' : r.specifier,
      ...(pinned !== undefined && { pinned }),
      extras: r.extras,
      ...(r.marker !== undefined && { marker: r.marker }),
      ...(url !== undefined && { url }),
      ...(r.vcs && { vcs: r.vcs }),
      ...(r.local && { local: true }),
      ...(extra.editable && { editable: true }),
      ...(dynamic && { dynamic: true }),
      ...(extra.constraint && { constraint: true }),
      ...(extra.conda && { conda: true }),
      hashes: [...(extra.hashes ?? []), ...r.urlHashes],
      line: where.line,
      path: where.path,
      raw: clip(arg.trim()),
    },
  };
}
