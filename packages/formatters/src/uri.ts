/**
 * Turning report paths into RFC 3986 URI references for SARIF `artifactLocation.uri`.
 */

/** The SARIF `uriBaseId` that relative artifact URIs are resolved against (the scan root). */
export const SRCROOT = '%SRCROOT%';

/** A SARIF-ready artifact URI: relative ones carry {@link SRCROOT} as their base. */
export interface ArtifactUri {
  uri: string;
  uriBaseId?: string;
}

/** Replaces lone UTF-16 surrogates (which cannot be UTF-8 encoded) with U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}

/**
 * Percent-encodes one path segment. Everything but RFC 3986 unreserved characters and the
 * sub-delimiters `!`, `'`, `(`, `)`, `*` is UTF-8 percent-encoded, including `%`, `#`, `?`,
 * `:` (so a first segment never reads as a scheme), spaces, controls and non-ASCII.
 */
function encodeSegment(segment: string): string {
  return encodeURIComponent(wellFormed(segment));
}

/** Encodes a posix path segment by segment, keeping the `/` separators. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/**
 * The SARIF artifact URI of a report path. A relative posix path (the normal case: relative to
 * the scan root) becomes a percent-encoded relative reference with `uriBaseId` {@link SRCROOT};
 * an absolute posix path or a Windows drive path becomes a `file://` URI without a base.
 *
 * @param path - `location.path` from the report.
 * @returns the URI and, for relative paths, its base id.
 */
export function artifactUri(path: string): ArtifactUri {
  if (path.startsWith('/')) return { uri: `file://${encodePath(path)}` };
  const drive = /^([A-Za-z]):[\\/]/u.exec(path);
  if (drive !== null) {
    const rest = path.slice(3).replaceAll('\\', '/');
    return { uri: `file:///${drive[1] ?? ''}:/${encodePath(rest)}` };
  }
  const relative = path.startsWith('./') ? path.slice(2) : path;
  return { uri: encodePath(relative), uriBaseId: SRCROOT };
}

/**
 * A `file://` URI for an absolute directory (the scan root), ending in `/` as SARIF requires
 * for `originalUriBaseIds`; `undefined` when the path is not absolute.
 *
 * @param directory - an absolute posix or Windows path.
 * @returns the directory URI, or `undefined`.
 */
export function directoryUri(directory: string): string | undefined {
  if (!directory.startsWith('/') && !/^[A-Za-z]:[\\/]/u.test(directory)) return undefined;
  const { uri } = artifactUri(directory);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/**
 * An `http:` or `https:` URL normalised by WHATWG URL parsing, or `undefined` for anything else
 * (other schemes such as `javascript:` are never emitted as links).
 *
 * @param url - e.g. a rule's `docsUrl`.
 * @returns the normalised absolute URL, or `undefined`.
 */
export function httpUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
