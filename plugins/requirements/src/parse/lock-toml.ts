import { emptyParsed, type ParsedFile } from '../model.js';
import { clip, findLine } from '../text/lines.js';
import { normalizeName } from '../text/names.js';
import { isValidVersion } from '../text/pep440.js';
import { cudaFromIndexUrl, cudaFromLocalVersion } from './cuda-hints.js';
import { parseVcs } from './pep508.js';
import { array, parseToml, str, table } from './toml.js';

/**
 * Parses `poetry.lock` or `uv.lock`: every `[[package]]` with its locked version and source
 * (registry URL, git URL with the resolved commit, or direct URL).
 */
export function parseTomlLock(text: string, path: string, kind: 'poetry-lock' | 'uv-lock'): ParsedFile {
  const doc = parseToml(text);
  const file = emptyParsed(path, kind, false);
  let from = 0;
  const registries = new Set<string>();
  for (const entry of array(doc.package)) {
    const pkg = table(entry);
    const name = str(pkg?.name);
    const version = str(pkg?.version);
    if (!pkg || !name) continue;
    const at = text.indexOf(`name = "${name}"`, from);
    if (at !== -1) from = at;
    const line = findLine(text, `name = "${name}"`, at === -1 ? 0 : at);
    const source = table(pkg.source);
    let url: string | undefined;
    let ref: string | undefined;
    if (kind === 'poetry-lock') {
      const type = str(source?.type);
      if (type === 'git') {
        url = str(source?.url);
        ref = str(source?.resolved_reference) ?? str(source?.reference);
      } else if (type === 'url') url = str(source?.url);
      else if (type === 'legacy' && str(source?.url)) registries.add(str(source?.url)!);
    } else {
      const git = str(source?.git);
      if (git) {
        url = git.split('#')[0];
        ref = git.includes('#') ? git.slice(git.indexOf('#') + 1) : undefined;
      } else if (str(source?.url)) url = str(source?.url);
      else if (str(source?.registry)) registries.add(str(source?.registry)!);
    }
    const vcsUrl = url && /github|gitlab|\.git$|^git|^ssh:/.test(url) && !/\.(whl|tar\.gz|zip)$/.test(url) ? `git+${url.replace(/^git\+/, '')}${ref ? `@${ref}` : ''}` : undefined;
    const vcs = vcsUrl ? parseVcs(vcsUrl) : undefined;
    const pinned = version && isValidVersion(version) ? version : undefined;
    file.requirements.push({
      name,
      key: normalizeName(name),
      specifier: pinned ? `==${pinned}` : '',
      ...(pinned && { pinned }),
      extras: [],
      ...(url !== undefined && { url: vcsUrl ?? url }),
      ...(vcs && { vcs }),
      hashes: [],
      locked: true,
      line,
      path,
      raw: clip(`${name} ${version ?? ''}`.trim()),
    });
    const cuda = pinned ? cudaFromLocalVersion(normalizeName(name), pinned) : undefined;
    if (cuda) file.cuda.push({ cuda, source: 'local-version', line, path, text: `${name} ${pinned}` });
  }
  for (const registry of registries) {
    const line = findLine(text, registry);
    file.indexes.push({ kind: 'source', url: registry, line, path });
    const cuda = cudaFromIndexUrl(registry);
    if (cuda) file.cuda.push({ cuda, source: 'index-url', line, path, text: clip(registry) });
  }
  return file;
}
