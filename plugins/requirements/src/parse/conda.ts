import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { emptyParsed, type ParsedFile } from '../model.js';
import { clip } from '../text/lines.js';
import { normalizeName } from '../text/names.js';
import { isValidVersion } from '../text/pep440.js';
import { FileParseError } from './parse-error.js';
import { parseRequirementsText } from './requirements-txt.js';

/** Conda package names whose PyPI name differs. */
const CONDA_TO_PYPI: Record<string, string> = { pytorch: 'torch', 'pytorch-cpu': 'torch', 'pytorch-gpu': 'torch', tensorflow: 'tensorflow', 'py-opencv': 'opencv-python' };
/** Conda packages that state the CUDA version of the environment. */
const CUDA_PACKAGES = new Set(['pytorch-cuda', 'cudatoolkit', 'cuda-version', 'cuda-toolkit', 'cuda-runtime']);
/** Conda packages that are no Python dependency to pin or match against PyPI advisories. */
const NOT_PYTHON = new Set(['python', 'pip', 'conda', 'setuptools', 'wheel']);

/**
 * Parses a conda environment file (`environment.yml`): the conda `dependencies` (name, `=`/`==`
 * versions, `channel::name`) and the `pip:` section, which conda writes to a temporary
 * requirements file, so it is parsed as requirements lines (includes relative to this file).
 */
export function parseCondaEnvironment(text: string, path: string): ParsedFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    const line = error.linePos?.[0]?.line;
    throw new FileParseError(`invalid YAML${line ? ` at line ${line}` : ''}: ${error.message.split('\n')[0]}`, line);
  }
  const file = emptyParsed(path, 'conda', true);
  const lineOf = (node: Node) => counter.linePos(node.range?.[0] ?? 0).line;
  const root = doc.contents;
  if (!isMap(root)) return file;
  const deps = root.get('dependencies', true);
  if (!isSeq(deps)) return file;
  for (const item of deps.items) {
    if (isScalar(item) && typeof item.value === 'string') {
      addCondaSpec(file, item.value, lineOf(item));
    } else if (isMap(item)) {
      const pip = item.get('pip', true);
      if (!isSeq(pip)) continue;
      for (const entry of pip.items) {
        if (!isScalar(entry) || typeof entry.value !== 'string') continue;
        const sub = parseRequirementsText(entry.value, path, { firstLine: lineOf(entry) });
        file.requirements.push(...sub.requirements);
        file.indexes.push(...sub.indexes);
        file.includes.push(...sub.includes);
        file.problems.push(...sub.problems);
        file.cuda.push(...sub.cuda);
        if (sub.requireHashes !== undefined) file.requireHashes ??= sub.requireHashes;
      }
    }
  }
  return file;
}

function addCondaSpec(file: ParsedFile, spec: string, line: number): void {
  const text = spec.trim().replace(/^[^:\s]+::/, '');
  const m = /^([A-Za-z0-9_][A-Za-z0-9_.-]*)\s*(.*)$/.exec(text);
  if (!m) {
    file.problems.push({ kind: 'invalid-requirement', line, text: clip(spec), detail: 'not a conda package spec' });
    return;
  }
  const condaName = m[1]!.toLowerCase();
  const rest = m[2]!.trim();
  const exact = /^(?:==?\s*)?([0-9][A-Za-z0-9.+!_-]*?)(?:[=\s]\S+)?$/.exec(rest);
  const version = exact && !rest.startsWith('>') && !rest.startsWith('<') && !rest.includes('*') ? exact[1] : undefined;
  if (CUDA_PACKAGES.has(condaName)) {
    const cm = /^(\d+)\.(\d+)/.exec(version ?? '');
    if (cm) file.cuda.push({ cuda: `${cm[1]}.${cm[2]}`, source: 'conda', line, path: file.path, text: clip(spec) });
    return;
  }
  if (NOT_PYTHON.has(condaName) || condaName.startsWith('_') || condaName.startsWith('lib')) return;
  const name = CONDA_TO_PYPI[condaName] ?? condaName;
  const release = version?.split('.').length ?? 0;
  const pinned = version && isValidVersion(version) && (rest.startsWith('==') || release >= 3 || /=\S+=/.test(`=${rest}`)) ? version : undefined;
  file.requirements.push({
    name,
    key: normalizeName(name),
    specifier: pinned ? `==${pinned}` : rest ? rest.replace(/\s+/g, '') : '',
    ...(pinned && { pinned }),
    extras: [],
    hashes: [],
    conda: true,
    line,
    path: file.path,
    raw: clip(spec),
  });
}
