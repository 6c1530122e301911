import { emptyParsed, type ParsedFile } from '../model.js';
import { clip, findKeyLine, findLine } from '../text/lines.js';
import { cudaFromIndexUrl } from './cuda-hints.js';
import { poetryToPep440 } from './poetry-constraint.js';
import { toRequirement } from './requirement-line.js';
import { array, parseToml, str, table, type Table } from './toml.js';

/**
 * Parses `pyproject.toml`: PEP 621 `dependencies` and `optional-dependencies`, PEP 735
 * `dependency-groups`, `build-system.requires`, Poetry dependencies, groups and sources, and uv's
 * indexes and sources. Throws {@link FileParseError} on invalid TOML.
 */
export function parsePyproject(text: string, path: string): ParsedFile {
  const doc = parseToml(text);
  const file = emptyParsed(path, 'pyproject', false);
  const addPep508 = (value: unknown) => {
    const spec = str(value);
    if (spec === undefined) return;
    const line = findLine(text, spec);
    const parsed = toRequirement(spec, { path, line });
    if (parsed.ok) file.requirements.push(parsed.req);
    else file.problems.push({ kind: parsed.kind, line, text: clip(spec), detail: parsed.detail });
  };
  const project = table(doc.project);
  array(project?.dependencies).forEach(addPep508);
  for (const list of Object.values(table(project?.['optional-dependencies']) ?? {})) array(list).forEach(addPep508);
  for (const list of Object.values(table(doc['dependency-groups']) ?? {})) array(list).forEach(addPep508);
  array(table(doc['build-system'])?.requires).forEach(addPep508);
  const tool = table(doc.tool);
  parsePoetry(table(tool?.poetry), text, file);
  parseUv(table(tool?.uv), text, file);
  return file;
}

function parsePoetry(poetry: Table | undefined, text: string, file: ParsedFile): void {
  if (!poetry) return;
  const groups: Table[] = [];
  for (const key of ['dependencies', 'dev-dependencies']) {
    const t = table(poetry[key]);
    if (t) groups.push(t);
  }
  for (const group of Object.values(table(poetry.group) ?? {})) {
    const deps = table(table(group)?.dependencies);
    if (deps) groups.push(deps);
  }
  for (const deps of groups) {
    for (const [name, value] of Object.entries(deps)) {
      if (name.toLowerCase() === 'python') continue;
      addPoetryDependency(name, Array.isArray(value) ? value[0] : value, text, file);
    }
  }
  const sources = array(poetry.source).map(table).filter((s): s is Table => s !== undefined);
  for (const source of sources) {
    const url = str(source.url);
    if (url === undefined) continue;
    const line = findLine(text, url);
    file.indexes.push({ kind: 'source', url, line, path: file.path, ...(str(source.name) && { name: str(source.name) }) });
    const cuda = cudaFromIndexUrl(url);
    if (cuda) file.cuda.push({ cuda, source: 'index-url', line, path: file.path, text: clip(url) });
  }
  const searched = sources.filter((s) => str(s.url) && (str(s.priority) ?? (s.default ? 'default' : s.secondary ? 'secondary' : 'primary')) !== 'explicit');
  const hasPrimary = sources.some((s) => ['primary', 'default', undefined].includes(str(s.priority)) && !s.secondary);
  const names = searched.map((s) => str(s.name) ?? str(s.url)!);
  if (!hasPrimary || searched.some((s) => str(s.priority) === 'supplemental' || s.secondary)) names.push('PyPI');
  if (searched.length >= 1 && new Set(names).size >= 2) {
    file.multiIndex.push({ line: findLine(text, '[[tool.poetry.source]]'), names: [...new Set(names)], why: 'Poetry searches several sources for names not bound to one source' });
  }
}

function addPoetryDependency(name: string, value: unknown, text: string, file: ParsedFile): void {
  const line = findKeyLine(text, name);
  const spec = str(value) ?? str(table(value)?.version);
  const t = table(value);
  let requirement: string;
  if (t && (str(t.git) || str(t.url) || str(t.path))) {
    const git = str(t.git);
    const ref = str(t.rev) ?? str(t.tag) ?? str(t.branch);
    requirement = git ? `${name} @ git+${git}${ref ? `@${ref}` : ''}` : str(t.url) ? `${name} @ ${str(t.url)}` : `${name} @ file:${str(t.path)}`;
  } else {
    const pep440 = poetryToPep440(spec ?? '*');
    if (pep440 === undefined) return;
    requirement = `${name}${pep440}`;
  }
  const parsed = toRequirement(requirement, { path: file.path, line });
  if (parsed.ok) file.requirements.push({ ...parsed.req, raw: clip(`${name} = ${JSON.stringify(value)}`) });
  else file.problems.push({ kind: parsed.kind, line, text: clip(`${name} = ${JSON.stringify(value)}`), detail: parsed.detail });
}

function parseUv(uv: Table | undefined, text: string, file: ParsedFile): void {
  if (!uv) return;
  const path = file.path;
  const addIndex = (kind: 'index-url' | 'extra-index-url' | 'find-links' | 'source', url: string | undefined, name?: string) => {
    if (url === undefined) return;
    const line = findLine(text, url);
    file.indexes.push({ kind, url, line, path, ...(name && { name }) });
    const cuda = cudaFromIndexUrl(url);
    if (cuda) file.cuda.push({ cuda, source: 'index-url', line, path, text: clip(url) });
  };
  addIndex('index-url', str(uv['index-url']));
  for (const url of array(uv['extra-index-url'])) addIndex('extra-index-url', str(url));
  for (const url of array(uv['find-links'])) addIndex('find-links', str(url));
  const indexes = array(uv.index).map(table).filter((t): t is Table => t !== undefined);
  for (const index of indexes) addIndex('source', str(index.url), str(index.name));
  const strategy = str(uv['index-strategy']);
  const searched = indexes.filter((i) => i.explicit !== true);
  if (strategy?.startsWith('unsafe') && searched.length >= 1) {
    const names = [...searched.map((i) => str(i.name) ?? str(i.url) ?? '?'), ...(searched.some((i) => i.default === true) ? [] : ['PyPI'])];
    file.multiIndex.push({ line: findLine(text, 'index-strategy'), names, why: `uv index-strategy = "${strategy}" picks the best version across indexes` });
  }
  for (const dep of array(uv['dev-dependencies'])) {
    const spec = str(dep);
    if (spec === undefined) continue;
    const line = findLine(text, spec);
    const parsed = toRequirement(spec, { path, line });
    if (parsed.ok) file.requirements.push(parsed.req);
  }
  for (const [name, value] of Object.entries(table(uv.sources) ?? {})) {
    const t = table(value);
    const git = str(t?.git);
    const url = str(t?.url);
    if (!git && !url) continue;
    const ref = str(t?.rev) ?? str(t?.tag) ?? str(t?.branch);
    const requirement = git ? `${name} @ git+${git}${ref ? `@${ref}` : ''}` : `${name} @ ${url}`;
    const line = findLine(text, git ?? url!);
    const parsed = toRequirement(requirement, { path, line });
    if (parsed.ok) file.requirements.push({ ...parsed.req, raw: clip(`${name} = ${JSON.stringify(value)}`) });
  }
}
