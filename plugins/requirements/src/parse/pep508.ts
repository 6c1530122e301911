import type { VcsReference } from '../model.js';
import { isValidName } from '../text/names.js';
import { parseSpecifier, type Clause } from '../text/pep440.js';

/** A parsed requirement string (PEP 508, or pip's bare URL / path forms). */
export interface RequirementString {
  name: string;
  extras: string[];
  specifier: string;
  clauses: Clause[];
  url?: string;
  vcs?: VcsReference;
  local?: boolean;
  marker?: string;
  /** `#sha256=…` style hash in the URL fragment. */
  urlHashes: string[];
}

/** Parse outcome: the requirement, or what is wrong with it. */
export type ParsedRequirement = { ok: true; req: RequirementString } | { ok: false; kind: 'invalid-requirement' | 'invalid-version'; detail: string };

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const VCS_SCHEME = /^(git|hg|svn|bzr)\+/i;
const HASH_FRAGMENT = /(?:^|&)(md5|sha1|sha224|sha256|sha384|sha512)=([0-9a-fA-F]+)/g;

/** Whether a requirement argument is a URL (`https://`, `git+ssh://`, `file:`). */
export function isUrl(text: string): boolean {
  return URL_SCHEME.test(text) || /^file:/i.test(text);
}

/** Whether an argument is a local path pip would install (`.`, `./pkg`, `/abs`, `../x.whl`). */
export function isLocalPath(text: string): boolean {
  return /^(\.{1,2}(\/|\\|$)|\/|~|[A-Za-z]:\\)/.test(text) || /^file:/i.test(text);
}

/** VCS details of a URL such as `git+https://host/org/repo.git@v1.0#egg=x`, if it is one. */
export function parseVcs(url: string): VcsReference | undefined {
  const m = VCS_SCHEME.exec(url);
  if (!m) return undefined;
  const type = m[1]!.toLowerCase() as VcsReference['type'];
  const noFragment = url.split('#')[0]!;
  const afterScheme = noFragment.replace(/^[^:]+:\/\//, '');
  const slash = afterScheme.indexOf('/');
  const pathPart = slash === -1 ? '' : afterScheme.slice(slash);
  const at = pathPart.lastIndexOf('@');
  const ref = at === -1 ? undefined : pathPart.slice(at + 1) || undefined;
  return { type, url: noFragment, ...(ref !== undefined && { ref }) };
}

/** `name` from a URL's `#egg=name` fragment, or a wheel / sdist file name. */
export function nameFromUrl(url: string): string | undefined {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url);
  if (egg) return egg[1]!.replace(/[-_.]*$/, '');
  const file = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
  const wheel = /^([A-Za-z0-9._]+?)-\d[^-]*(-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(file);
  if (wheel) return wheel[1];
  const sdist = /^([A-Za-z0-9._-]+?)-v?\d[A-Za-z0-9.+!_-]*\.(tar\.gz|tar\.bz2|tgz|zip)$/.exec(file);
  return sdist?.[1];
}

/** Hashes in a URL fragment (`#sha256=…`), as `algo:hex`. */
export function urlFragmentHashes(url: string): string[] {
  const hash = url.indexOf('#');
  if (hash === -1) return [];
  return [...url.slice(hash + 1).matchAll(HASH_FRAGMENT)].map((m) => `${m[1]!.toLowerCase()}:${m[2]!.toLowerCase()}`);
}

function urlRequirement(url: string, marker: string | undefined, name?: string, extras: string[] = []): ParsedRequirement {
  const vcs = parseVcs(url);
  const local = isLocalPath(url);
  return {
    ok: true,
    req: {
      name: name ?? nameFromUrl(url) ?? '',
      extras,
      specifier: '',
      clauses: [],
      url,
      ...(vcs && { vcs }),
      ...(local && { local }),
      ...(marker !== undefined && { marker }),
      urlHashes: urlFragmentHashes(url),
    },
  };
}

/**
 * Parses one requirement as pip reads it from a requirements file: a PEP 508 string
 * (`name[extras] (specifier) ; marker`, `name @ url ; marker`), a bare URL or a local path.
 */
export function parseRequirementString(input: string): ParsedRequirement {
  const text = input.trim();
  if (text === '') return { ok: false, kind: 'invalid-requirement', detail: 'empty requirement' };
  if (isUrl(text) || isLocalPath(text)) {
    // pip: a marker after a URL needs whitespace before the ';'.
    const m = /^(\S+)(?:\s+;\s*(.*))?$/.exec(text);
    if (!m) return { ok: false, kind: 'invalid-requirement', detail: 'invalid URL requirement' };
    return urlRequirement(m[1]!, m[2]?.trim());
  }
  const nameMatch = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(text);
  if (!nameMatch || !isValidName(nameMatch[1]!)) {
    if (/\.(whl|tar\.gz|zip)$/i.test(text)) return urlRequirement(text, undefined);
    return { ok: false, kind: 'invalid-requirement', detail: `invalid project name in "${text.slice(0, 80)}"` };
  }
  const name = nameMatch[1]!;
  let rest = text.slice(name.length).trimStart();
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1) return { ok: false, kind: 'invalid-requirement', detail: 'unclosed extras bracket' };
    extras = rest.slice(1, close).split(',').map((e) => e.trim()).filter(Boolean);
    if (extras.some((e) => !isValidName(e))) return { ok: false, kind: 'invalid-requirement', detail: `invalid extra in "${rest.slice(0, close + 1)}"` };
    rest = rest.slice(close + 1).trimStart();
  }
  if (rest.startsWith('@')) {
    const m = /^@\s*(\S+)(?:\s+;\s*(.*))?\s*$/.exec(rest);
    if (!m) return { ok: false, kind: 'invalid-requirement', detail: 'invalid URL after "@"' };
    return urlRequirement(m[1]!, m[2]?.trim(), name, extras);
  }
  let marker: string | undefined;
  const semi = rest.indexOf(';');
  if (semi !== -1) {
    marker = rest.slice(semi + 1).trim();
    rest = rest.slice(0, semi).trim();
    if (marker === '') return { ok: false, kind: 'invalid-requirement', detail: 'empty environment marker' };
  }
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1);
  if (rest.trim() !== '' && !/^[<>=!~]/.test(rest.trim())) {
    return { ok: false, kind: 'invalid-requirement', detail: `unexpected "${rest.trim().slice(0, 40)}" after the name` };
  }
  const spec = parseSpecifier(rest);
  if (!spec.ok) return { ok: false, kind: 'invalid-version', detail: spec.detail };
  return { ok: true, req: { name, extras, specifier: spec.text, clauses: spec.clauses, ...(marker !== undefined && { marker }), urlHashes: [] } };
}
