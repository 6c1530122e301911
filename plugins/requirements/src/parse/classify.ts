import type { FileKind } from '../model.js';

/** Globs (basename globs match in any directory) of every file this plugin parses. */
export const DEPENDENCY_FILE_GLOBS = [
  '*requirements*.txt',
  '*constraints*.txt',
  '**/requirements/*.txt',
  '*.requirements',
  'pyproject.toml',
  'Pipfile',
  'Pipfile.lock',
  'poetry.lock',
  'uv.lock',
  'environment.yml',
  'environment.yaml',
  '*environment*.yml',
  '*environment*.yaml',
  'conda*.yml',
  'conda*.yaml',
  'setup.cfg',
  'Dockerfile',
  'Dockerfile.*',
  '*.Dockerfile',
  '*.dockerfile',
  'Containerfile',
];

/** What kind of dependency file a root-relative path is, by name; undefined when none. */
export function classify(path: string): { kind: FileKind; constraint?: boolean } | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  if (lower.endsWith('.txt') || lower.endsWith('.requirements')) {
    if (lower.includes('constraint')) return { kind: 'requirements', constraint: true };
    if (lower.includes('requirements') || /(^|\/)requirements$/.test(dir)) return { kind: 'requirements' };
    return undefined;
  }
  if (lower === 'pyproject.toml') return { kind: 'pyproject' };
  if (name === 'Pipfile') return { kind: 'pipfile' };
  if (name === 'Pipfile.lock') return { kind: 'pipfile-lock' };
  if (lower === 'poetry.lock') return { kind: 'poetry-lock' };
  if (lower === 'uv.lock') return { kind: 'uv-lock' };
  if (/\.(ya?ml)$/.test(lower) && (lower.includes('environment') || lower.startsWith('conda'))) return { kind: 'conda' };
  if (lower === 'setup.cfg') return { kind: 'setup-cfg' };
  if (lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile') || lower === 'containerfile') return { kind: 'dockerfile' };
  return undefined;
}
