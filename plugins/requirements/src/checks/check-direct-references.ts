import type { Requirement } from '../model.js';
import { urlUnhashed } from '../rules/url-unhashed.js';
import { vcsUnpinned } from '../rules/vcs-unpinned.js';
import { clip } from '../text/lines.js';
import { redactUrl } from './check-indexes.js';
import type { CheckContext } from './context.js';

const FULL_COMMIT = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;

/** `vcs-unpinned` (no full commit hash) and `url-unhashed` (direct URL without a hash). */
export function checkDirectReference(req: Requirement, { report }: CheckContext): void {
  if (!req.url || req.local) return;
  const url = clip(redactUrl(req.vcs?.url ?? req.url));
  const name = req.name || url;
  const where = { path: req.path, location: { line: req.line } };
  if (req.vcs) {
    const ref = req.vcs.ref;
    const pinned = ref !== undefined && (req.vcs.type === 'svn' || req.vcs.type === 'bzr' ? /^r?\d+$/.test(ref) : FULL_COMMIT.test(ref));
    if (ref === undefined) report(vcsUnpinned, 'noRef', { ...where, data: { name, url } });
    else if (!pinned) report(vcsUnpinned, 'mutableRef', { ...where, data: { name, url, ref: clip(ref, 80) } });
    return;
  }
  if (/^(https?|ftp):\/\//i.test(req.url) && req.hashes.length === 0) report(urlUnhashed, 'noHash', { ...where, data: { name, url } });
}
