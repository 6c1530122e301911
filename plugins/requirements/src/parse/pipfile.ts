import { emptyParsed, type ParsedFile } from '../model.js';
import { clip, findKeyLine, findLine } from '../text/lines.js';
import { cudaFromIndexUrl } from './cuda-hints.js';
import { FileParseError } from './parse-error.js';
import { toRequirement } from './requirement-line.js';
import { array, parseToml, str, table, type Table } from './toml.js';

/** Parses a Pipfile (TOML): `[[source]]`, `[packages]`, `[dev-packages]`. */
export function parsePipfile(text: string, path: string): ParsedFile {
  const doc = parseToml(text);
  const file = emptyParsed(path, 'pipfile', false);
  const sources = array(doc.source).map(table).filter((s): s is Table => s !== undefined);
  for (const source of sources) {
    const url = str(source.url);
    if (!url) continue;
    const line = findLine(text, url);
    file.indexes.push({ kind: 'source', url, line, path, ...(str(source.name) && { name: str(source.name) }), ...(source.verify_ssl === false && { noVerify: true }) });
    const cuda = cudaFromIndexUrl(url);
    if (cuda) file.cuda.push({ cuda, source: 'index-url', line, path, text: clip(url) });
  }
  if (sources.length >= 2) {
    file.multiIndex.push({ line: findLine(text, '[[source]]'), names: sources.map((s) => str(s.name) ?? str(s.url) ?? '?'), why: 'pipenv passes every source to pip, which takes the best version from any of them' });
  }
  for (const section of ['packages', 'dev-packages']) {
    const start = text.indexOf(`[${section}]`);
    for (const [name, value] of Object.entries(table(doc[section]) ?? {})) {
      const line = findKeyLine(text, name, Math.max(0, start));
      const t = table(value);
      let requirement: string;
      if (t && (str(t.git) || str(t.file) || str(t.path))) {
        const git = str(t.git);
        requirement = git ? `${name} @ git+${git.replace(/^git\+/, '')}${str(t.ref) ? `@${str(t.ref)}` : ''}` : str(t.file) ? `${name} @ ${str(t.file)}` : `${name} @ file:${str(t.path)}`;
      } else {
        const version = str(value) ?? str(t?.version) ?? '*';
        requirement = `${name}${version === '*' ? '' : version}`;
      }
      const parsed = toRequirement(requirement, { path, line });
      if (parsed.ok) file.requirements.push({ ...parsed.req, raw: clip(`${name} = ${JSON.stringify(value)}`) });
      else file.problems.push({ kind: parsed.kind, line, text: clip(`${name} = ${JSON.stringify(value)}`), detail: parsed.detail });
    }
  }
  return file;
}

/** Parses `Pipfile.lock` (JSON): locked versions and hashes of `default` and `develop`. */
export function parsePipfileLock(text: string, path: string): ParsedFile {
  let doc: Table;
  try {
    doc = JSON.parse(text) as Table;
  } catch (error) {
    const m = /position (\d+)/.exec((error as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new FileParseError(`invalid JSON${line ? ` at line ${line}` : ''}: ${(error as Error).message}`, line);
  }
  const file = emptyParsed(path, 'pipfile-lock', false);
  for (const source of array(table(doc._meta)?.sources)) {
    const url = str(table(source)?.url);
    if (url) file.indexes.push({ kind: 'source', url, line: findLine(text, url), path, ...(table(source)?.verify_ssl === false && { noVerify: true }) });
  }
  for (const section of ['default', 'develop']) {
    const start = text.indexOf(`"${section}"`);
    for (const [name, value] of Object.entries(table(doc[section]) ?? {})) {
      const t = table(value);
      const line = findLine(text, `"${name}"`, Math.max(0, start));
      const git = str(t?.git);
      const requirement = git ? `${name} @ git+${git.replace(/^git\+/, '')}${str(t?.ref) ? `@${str(t?.ref)}` : ''}` : `${name}${str(t?.version) ?? ''}`;
      const parsed = toRequirement(requirement, { path, line });
      if (!parsed.ok) {
        file.problems.push({ kind: parsed.kind, line, text: clip(requirement), detail: parsed.detail });
        continue;
      }
      file.requirements.push({ ...parsed.req, locked: true, hashes: array(t?.hashes).filter((h): h is string => typeof h === 'string') });
    }
  }
  return file;
}
